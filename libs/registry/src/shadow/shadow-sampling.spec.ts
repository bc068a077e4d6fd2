import { randomUUID } from 'node:crypto';
import { sampledIn } from './shadow-sampling';

describe('sampledIn', () => {
  const ids = Array.from({ length: 4000 }, () => randomUUID());

  it('takes every request at 1 and decides the same for the same id', () => {
    expect(ids.every((id) => sampledIn(id, 1))).toBe(true);
    expect(ids.map((id) => sampledIn(id, 0.3))).toEqual(ids.map((id) => sampledIn(id, 0.3)));
  });

  it('takes about the requested fraction, and a smaller sample is a subset of a larger one', () => {
    const tenth = ids.filter((id) => sampledIn(id, 0.1));
    expect(tenth.length / ids.length).toBeGreaterThan(0.07);
    expect(tenth.length / ids.length).toBeLessThan(0.13);
    expect(tenth.every((id) => sampledIn(id, 0.5))).toBe(true);
  });
});
