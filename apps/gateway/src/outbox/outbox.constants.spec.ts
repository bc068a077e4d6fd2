import {
  insertVisibleWithinMs,
  RELAY_SHUTDOWN_WAIT_DEFAULT_MS,
  relayShutdownWaitMs,
  UNBOUNDED_INSERT_VISIBLE_MS,
} from './outbox.constants';

describe('insertVisibleWithinMs', () => {
  it('covers a group waiting for the write in flight, its own write, the batch wait and the clock tolerance', () => {
    expect(insertVisibleWithinMs(5000, 2, 1000)).toBe(11_002);
  });

  it('assumes a fixed bound when database operations are unbounded', () => {
    expect(insertVisibleWithinMs(0, 2, 1000)).toBe(UNBOUNDED_INSERT_VISIBLE_MS + 1002);
  });
});

describe('relayShutdownWaitMs', () => {
  it('allows two database bounds, or a fixed bound when operations are unbounded', () => {
    expect(relayShutdownWaitMs(5000)).toBe(10_000);
    expect(relayShutdownWaitMs(0)).toBe(RELAY_SHUTDOWN_WAIT_DEFAULT_MS);
  });
});
