/** MongoDB's (and FerretDB's) duplicate key error code. */
export const DUPLICATE_KEY = 11000;

interface WriteErrorLike {
  code?: number;
  index?: number;
}

/**
 * For an unordered bulk insert that failed: the indexes of the documents refused as duplicates
 * (their `_id` was already stored). Returns undefined when the error is anything else — a lost
 * connection, a write concern failure, a duplicate mixed with other errors — for the caller to
 * rethrow. Uses only `code` and `index` (not `keyValue`, which FerretDB does not send).
 */
export function duplicateKeyIndexes(error: unknown): number[] | undefined {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  const list = ([] as WriteErrorLike[]).concat((writeErrors ?? []) as WriteErrorLike[]);
  if (list.length === 0 || !list.every((writeError) => writeError.code === DUPLICATE_KEY))
    return undefined;
  return list.map((writeError) => writeError.index ?? -1).filter((index) => index >= 0);
}

/**
 * Runs an upsert and, if it failed with a duplicate key, runs it once more: two first upserts of
 * the same `_id` racing, one inserts and the other is refused — the document exists now, so the
 * same write simply updates it. Any other failure is thrown.
 */
export async function upsertRetryingDuplicate<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== DUPLICATE_KEY) throw error;
    return upsert();
  }
}
