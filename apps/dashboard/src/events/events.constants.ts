/** SSE event types of `GET /api/events` (the browser listens for these names). */
export const OPS_EVENT = {
  /** Data: `OpsSample[]`, the server's rolling window, sent once on connect. */
  history: 'history',
  /** Data: one new `OpsSample`. */
  sample: 'sample',
} as const;
