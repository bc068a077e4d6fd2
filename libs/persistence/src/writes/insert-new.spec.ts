import type { Model } from 'mongoose';
import { DUPLICATE_KEY } from '../errors';
import { insertNew } from './insert-new';

/** A model whose collection's insertMany behaves as `insertMany` says. */
function modelWith(insertMany: jest.Mock): Model<{ _id: string }> {
  return { collection: { insertMany } } as unknown as Model<{ _id: string }>;
}

describe('insertNew', () => {
  const docs = [{ _id: 'a' }, { _id: 'b' }];

  it('inserts unordered and reports no duplicates when all are new', async () => {
    const insertMany = jest.fn(async () => ({ insertedCount: 2 }));
    await expect(insertNew(modelWith(insertMany), docs)).resolves.toEqual([]);
    expect(insertMany).toHaveBeenCalledWith(docs, { ordered: false });
  });

  it('returns the indexes refused as duplicates', async () => {
    const insertMany = jest.fn(async () => {
      throw Object.assign(new Error('E11000'), {
        writeErrors: [{ code: DUPLICATE_KEY, index: 1 }],
      });
    });
    await expect(insertNew(modelWith(insertMany), docs)).resolves.toEqual([1]);
  });

  it('throws any other failure, and skips an empty batch', async () => {
    const failing = jest.fn(async () => {
      throw new Error('connection closed');
    });
    await expect(insertNew(modelWith(failing), docs)).rejects.toThrow('connection closed');
    await expect(insertNew(modelWith(failing), [])).resolves.toEqual([]);
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
