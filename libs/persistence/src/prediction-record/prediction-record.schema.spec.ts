import mongoose from 'mongoose';
import {
  PREDICTIONS_COLLECTION,
  PredictionRecord,
  PredictionRecordSchema,
} from './prediction-record.schema';

describe('PredictionRecordSchema', () => {
  const Model = mongoose.model<PredictionRecord>('PredictionRecordSpec', PredictionRecordSchema);

  it('stores requests in the predictions collection', () => {
    expect(Model.collection.collectionName).toBe(PREDICTIONS_COLLECTION);
  });

  it('holds the request only, published once by default', () => {
    const doc = new Model({ _id: 'a', text: 'hej', submittedAt: new Date() });
    expect(doc.validateSync()).toBeUndefined();
    expect(Object.keys(doc.toObject()).sort()).toEqual([
      '_id',
      'publishAttempts',
      'submittedAt',
      'text',
    ]);
    expect(doc.publishAttempts).toBe(1);
  });

  it('refuses a request without text or submission time', () => {
    const error = new Model({ _id: 'a' }).validateSync();
    expect(Object.keys(error?.errors ?? {}).sort()).toEqual(['submittedAt', 'text']);
  });

  it('indexes submittedAt for the outbox sweep', () => {
    expect(PredictionRecordSchema.indexes()).toContainEqual([
      { submittedAt: 1 },
      expect.anything(),
    ]);
  });
});
