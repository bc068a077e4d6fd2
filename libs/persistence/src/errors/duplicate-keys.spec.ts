import { DUPLICATE_KEY, duplicateKeyIndexes, upsertRetryingDuplicate } from './duplicate-keys';

describe('duplicateKeyIndexes', () => {
  it('lists the indexes of duplicate-key write errors', () => {
    const error = {
      writeErrors: [
        { code: DUPLICATE_KEY, index: 2 },
        { code: DUPLICATE_KEY, index: 0 },
      ],
    };
    expect(duplicateKeyIndexes(error)).toEqual([2, 0]);
  });

  it('accepts a single write error that is not in an array', () => {
    expect(duplicateKeyIndexes({ writeErrors: { code: DUPLICATE_KEY, index: 1 } })).toEqual([1]);
  });

  it('returns undefined for any other failure, so that the caller rethrows it', () => {
    expect(duplicateKeyIndexes(new Error('connection closed'))).toBeUndefined();
    expect(
      duplicateKeyIndexes({
        writeErrors: [
          { code: DUPLICATE_KEY, index: 0 },
          { code: 121, index: 1 },
        ],
      }),
    ).toBeUndefined();
    expect(duplicateKeyIndexes({ writeErrors: [] })).toBeUndefined();
    expect(duplicateKeyIndexes(null)).toBeUndefined();
  });
});

describe('upsertRetryingDuplicate', () => {
  it('runs the upsert once more after a duplicate key, and rethrows anything else', async () => {
    let calls = 0;
    const racing = async () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('E11000'), { code: DUPLICATE_KEY });
      return 'stored';
    };
    await expect(upsertRetryingDuplicate(racing)).resolves.toBe('stored');
    expect(calls).toBe(2);
    const down = Object.assign(new Error('connection closed'), { code: 6 });
    await expect(upsertRetryingDuplicate(() => Promise.reject(down))).rejects.toBe(down);
  });
});
