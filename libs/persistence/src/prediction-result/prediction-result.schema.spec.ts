import { PredictionStatus } from '@sibyl/contracts';
import mongoose from 'mongoose';
import {
  PREDICTION_RESULTS_COLLECTION,
  PredictionResultRecord,
  PredictionResultSchema,
} from './prediction-result.schema';

describe('PredictionResultSchema', () => {
  const Model = mongoose.model<PredictionResultRecord>(
    'PredictionResultSpec',
    PredictionResultSchema,
  );
  const times = { submittedAt: new Date(0), completedAt: new Date(5) };

  it('stores results in their own collection', () => {
    expect(Model.collection.collectionName).toBe(PREDICTION_RESULTS_COLLECTION);
  });

  it('defaults every result field to empty', () => {
    const doc = new Model({
      _id: 'a',
      status: PredictionStatus.Failed,
      error: 'no letters',
      ...times,
    });
    expect(doc.validateSync()).toBeUndefined();
    expect(doc.toObject()).toMatchObject({
      language: null,
      confidence: null,
      top: [],
      feedback: null,
      error: 'no letters',
    });
  });

  it('accepts only finished statuses', () => {
    const error = new Model({ _id: 'a', status: PredictionStatus.Queued, ...times }).validateSync();
    expect(Object.keys(error?.errors ?? {})).toEqual(['status']);
  });

  it('indexes submittedAt for the outbox sweep', () => {
    expect(PredictionResultSchema.indexes()).toContainEqual([
      { submittedAt: 1 },
      expect.anything(),
    ]);
  });
});
