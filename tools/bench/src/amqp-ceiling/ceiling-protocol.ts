/** Settings shared by the ceiling's publisher and consumer processes. */
export interface CeilingRoleSettings {
  rabbitUrl: string;
  exchange: string;
  routingKey: string;
  queue: string;
}

/** Publisher settings. */
export interface PublisherSettings extends CeilingRoleSettings {
  durationMs: number;
  /** Unconfirmed publishes allowed in flight. */
  window: number;
  /** Message body size target in bytes (a real prediction request is ~250 B). */
  bodyBytes: number;
}

/** Consumer settings. */
export interface ConsumerSettings extends CeilingRoleSettings {
  prefetch: number;
}

/** IPC messages from a role process to the orchestrator. */
export type RoleMessage =
  | { kind: 'ready' }
  | { kind: 'tick'; at: number; count: number }
  | { kind: 'done'; count: number; latencyMs?: number[] }
  | { kind: 'error'; message: string };

/** Per-second counts → median of the inner seconds (ramp-up and tail excluded). */
export function sustainedRate(perSecond: number[]): number | null {
  const inner = perSecond.length > 2 ? perSecond.slice(1, -1) : perSecond;
  if (inner.length === 0) return null;
  const sorted = [...inner].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
