/** Default period of the long polls' safety re-check (WAIT_SAFETY_RECHECK_MS). */
export const DEFAULT_SAFETY_RECHECK_MS = 5_000;

/** Most awaited ids one safety re-check round looks up (the oldest due first). */
export const SAFETY_RECHECK_MAX_IDS = 1_000;

/** Announced ids remembered, so that a waiter registering just after its announcement wakes. */
export const RECENT_COMPLETIONS = 10_000;

/** Injection token of the {@link CompletionsOptions}. */
export const COMPLETIONS_OPTIONS = Symbol('COMPLETIONS_OPTIONS');

/** Tuning of the {@link CompletionWatcher}. */
export interface CompletionWatcherOptions {
  /** Period of the safety re-check, and how long an id waits before its first one. */
  safetyRecheckMs: number;
  /** Most ids looked up per safety re-check round. */
  safetyRecheckMaxIds: number;
  /** Announced ids remembered. */
  recentCompletions: number;
}

/** Settings of the completions feature (from the environment). */
export interface CompletionsOptions extends CompletionWatcherOptions {
  /** Open event streams (`GET /v1/predictions/events`) allowed per key (MAX_EVENT_STREAMS_PER_KEY). */
  maxStreamsPerKey: number;
  /** Period of the streams' heartbeat event (EVENT_STREAM_HEARTBEAT_MS). */
  heartbeatMs: number;
}

/** Default open event streams per key (MAX_EVENT_STREAMS_PER_KEY). */
export const DEFAULT_MAX_EVENT_STREAMS_PER_KEY = 4;

/** Default period of the event streams' heartbeat (EVENT_STREAM_HEARTBEAT_MS). */
export const DEFAULT_EVENT_STREAM_HEARTBEAT_MS = 15_000;

/** Reconnect delay an event stream suggests to its client (SSE `retry:`). */
export const STREAM_RECONNECT_MS = 2_000;

/** Stream owner name used with AUTH=off (no key): such a stream gets every completion. */
export const ANONYMOUS_STREAM_OWNER = '';

/** Least time between two log lines about invalid completion announcements. */
export const INVALID_ANNOUNCEMENT_LOG_INTERVAL_MS = 10_000;
