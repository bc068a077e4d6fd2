import type { Model, ProjectionType } from 'mongoose';
import { LOOKUP_CONCURRENCY } from './records.constants';

/** Bounds one round of reads (e.g. by DATABASE_OPERATION_TIMEOUT_MS); settles like the round or fails. */
export type ReadBound = <R>(round: Promise<R>) => Promise<R>;

/**
 * The documents of `ids` that exist (with `projection`), each looked up by `_id` alone
 * ({@link LOOKUP_CONCURRENCY} at a time): the only filter FerretDB 1.24 answers from an index
 * (tools/ferretdb keeps it usable); a `$in` of ids is a collection scan there. `bound`, if given,
 * applies to each round of {@link LOOKUP_CONCURRENCY} reads, not to the whole: a lookup of many ids
 * on a busy but answering database completes, and a round that fails stops the rounds after it.
 */
export async function findByIds<T>(
  model: Model<T>,
  ids: readonly string[],
  projection?: ProjectionType<T>,
  bound: ReadBound = (round) => round,
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < ids.length; start += LOOKUP_CONCURRENCY) {
    const chunk = ids.slice(start, start + LOOKUP_CONCURRENCY);
    const docs = await bound(
      Promise.all(chunk.map((id) => model.findById(id, projection).lean<T>().exec())),
    );
    for (const doc of docs) if (doc) found.push(doc as T);
  }
  return found;
}
