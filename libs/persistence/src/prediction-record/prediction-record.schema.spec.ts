import { PredictionStatus } from '@sibyl/contracts';
import mongoose from 'mongoose';
import { PREDICTIONS_COLLECTION, PredictionRecord, PredictionRecordSchema } from './prediction-record.schema';

describe('PredictionRecordSchema', () => {
  const Model = mongoose.model<PredictionRecord>('PredictionRecordSpec', PredictionRecordSchema);

  it('stores requests in the predictions collection', () => {
    expect(Model.collection.collectionName).toBe(PREDICTIONS_COLLECTION);
  });

  it('starts a request unpublished and without a result', () => {
    const doc = new Model({ _id: 'a', text: 'hej', status: PredictionStatus.Queued, submittedAt: new Date() });
    expect(doc.validateSync()).toBeUndefined();
    expect(doc.toObject()).toMatchObject({
      publishedAt: null,
      publishAttempts: 0,
      language: null,
      confidence: null,
      top: [],
      completedAt: null,
      feedback: null,
    });
  });

  it('refuses an unknown status and a missing text', () => {
    const doc = new Model({ _id: 'a', status: 'lost', submittedAt: new Date() });
    const error = doc.validateSync();
    expect(Object.keys(error?.errors ?? {}).sort()).toEqual(['status', 'text']);
  });

  it('indexes status with publishedAt for the outbox scan', () => {
    expect(PredictionRecordSchema.indexes()).toContainEqual([{ status: 1, publishedAt: 1 }, expect.anything()]);
  });
});
