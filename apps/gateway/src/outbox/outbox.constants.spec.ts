import { insertVisibleWithinMs, UNBOUNDED_INSERT_VISIBLE_MS } from './outbox.constants';

describe('insertVisibleWithinMs', () => {
  it('covers a group waiting for the write in flight, its own write, the batch wait and the clock tolerance; a fixed bound when unbounded', () => {
    expect(insertVisibleWithinMs(5000, 2, 1000)).toBe(11_002);
    expect(insertVisibleWithinMs(0, 2, 1000)).toBe(UNBOUNDED_INSERT_VISIBLE_MS + 1002);
  });
});
