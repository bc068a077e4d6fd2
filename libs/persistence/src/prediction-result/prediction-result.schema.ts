import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PredictionStatus } from '@sibyl/contracts';
import { HydratedDocument } from 'mongoose';

/** Name of the MongoDB collection holding the result of each finished request. */
export const PREDICTION_RESULTS_COLLECTION = 'prediction_results';

/** A candidate language as stored. */
export interface StoredLanguageScore {
  language: string;
  score: number;
}

/** Client feedback on a finished prediction. */
export interface StoredFeedback {
  language: string;
  comment?: string;
  at: Date;
}

/** The statuses a result can have (a request without a result is `queued`). */
export type FinishedStatus = PredictionStatus.Done | PredictionStatus.Failed;

/**
 * The result of one request, keyed by its tracking id. Written by a predictor with an
 * insert — never an update — so a redelivered or republished message hits the unique `_id`
 * (duplicate key, code 11000) and stores nothing: one result per request, atomically, on
 * MongoDB and FerretDB alike. Only feedback is added later (`$set` by `_id`).
 */
@Schema({ collection: PREDICTION_RESULTS_COLLECTION, versionKey: false })
export class PredictionResultRecord {
  /** The tracking id of the request. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true, enum: [PredictionStatus.Done, PredictionStatus.Failed] })
  status!: FinishedStatus;

  /** Copied from the request, so that the result alone answers a read and outbox sweeps can match by time. */
  @Prop({ type: Date, required: true })
  submittedAt!: Date;

  @Prop({ type: Date, required: true })
  completedAt!: Date;

  @Prop({ type: String, default: null })
  language!: string | null;

  @Prop({ type: String, default: null })
  languageName!: string | null;

  @Prop({ type: String, default: null })
  nativeName!: string | null;

  @Prop({ type: Number, default: null })
  confidence!: number | null;

  @Prop({ type: [{ _id: false, language: String, score: Number }], default: [] })
  top!: StoredLanguageScore[];

  @Prop({ type: String, default: null })
  modelVersion!: string | null;

  /** Why the request failed (status `failed`). */
  @Prop({ type: String, default: null })
  error!: string | null;

  @Prop({ type: { _id: false, language: String, comment: String, at: Date }, default: null })
  feedback!: StoredFeedback | null;
}

export type PredictionResultDocument = HydratedDocument<PredictionResultRecord>;

export const PredictionResultSchema = SchemaFactory.createForClass(PredictionResultRecord);
/** Outbox sweeps read results by submission time. */
PredictionResultSchema.index({ submittedAt: 1 });
