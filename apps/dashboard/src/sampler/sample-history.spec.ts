import { SampleHistory } from './sample-history';

describe('SampleHistory', () => {
  it('keeps the newest items up to its capacity, oldest first', () => {
    const history = new SampleHistory<number>(3);
    [1, 2, 3, 4, 5].forEach((n) => history.push(n));
    expect(history.toArray()).toEqual([3, 4, 5]);
    expect(history.latest()).toBe(5);
    expect(history.size).toBe(3);
  });

  it('hands out copies', () => {
    const history = new SampleHistory<number>(2);
    history.push(1);
    history.toArray().push(9);
    expect(history.toArray()).toEqual([1]);
  });

  it('rejects a capacity below 1', () => {
    expect(() => new SampleHistory(0)).toThrow(RangeError);
  });
});
