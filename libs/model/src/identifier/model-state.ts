import type { ModelInfo } from '../artifact/model-info';
import type { VectorizerState } from '../features/tfidf-vectorizer';
import type { PairClassifierState } from '../pairs/pair-classifier';
import type { LinearModel } from '../svm/linear-model';
import type { FastScorerState } from './fast-scorer';

/**
 * A decoded {@link LanguageIdentifier} as plain data: JSON values and typed arrays, including the
 * tables built at decode time (feature hash tables, scorer records). It survives a structured clone
 * (`postMessage`), its arrays can be transferred instead of copied ({@link modelStateTransferList}),
 * and `LanguageIdentifier.fromState` rewraps it without recomputing anything: the expensive part of
 * loading a model (checksum, gunzip, table building) can run in a worker thread.
 */
export interface ModelState {
  info: ModelInfo;
  temperature: number;
  vectorizer: VectorizerState;
  linear: LinearModel;
  fast: FastScorerState | null;
  pairs: PairClassifierState[];
}

type ArrayLeaf = ArrayBufferView | null | undefined;

/** The distinct buffers behind every array of `state`: the transfer list of a `postMessage`. */
export function modelStateTransferList(state: ModelState): ArrayBuffer[] {
  const vectorizerArrays = (v: VectorizerState): ArrayLeaf[] => [
    v.codePoints,
    v.keys,
    v.idf,
    v.table.slots,
  ];
  const scorerArrays = (f: FastScorerState | null): ArrayLeaf[] =>
    f ? [f.charIds, f.unigramIndex, f.recordInts, f.packedRows] : [];
  const { linear } = state;
  const arrays: ArrayLeaf[] = [
    ...vectorizerArrays(state.vectorizer),
    linear.weights,
    linear.intercepts,
    linear.int8Rows?.starts,
    linear.int8Rows?.classes,
    linear.int8Rows?.values,
    linear.int8Rows?.scales,
    ...scorerArrays(state.fast),
    ...state.pairs.flatMap((pair) => [
      ...vectorizerArrays(pair.vectorizer),
      pair.weights,
      ...scorerArrays(pair.fast),
    ]),
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array) buffers.add(array.buffer as ArrayBuffer);
  return [...buffers];
}
