import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { PredictionStatus } from '@sibyl/contracts';
import { HydratedDocument } from 'mongoose';

/** Name of the MongoDB collection holding one document per prediction request. */
export const PREDICTIONS_COLLECTION = 'predictions';

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

/**
 * One prediction request, from acceptance to result. It is also the outbox entry:
 * `publishedAt` stays null until the broker has confirmed the
 * `prediction.requested.v1` message, and the gateway's relay republishes documents
 * that are still `queued` after a timeout.
 *
 * Written by the gateway (insert, publish bookkeeping, feedback) and by the
 * predictors (result, only while `status` is `queued`, which makes redeliveries
 * harmless).
 */
@Schema({ collection: PREDICTIONS_COLLECTION, versionKey: false })
export class PredictionRecord {
  /** The tracking id (UUID v4). */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  text!: string;

  @Prop({ type: String, required: true, enum: Object.values(PredictionStatus) })
  status!: PredictionStatus;

  @Prop({ type: Date, required: true })
  submittedAt!: Date;

  /** When the broker confirmed the latest publish; null = not (yet) published. */
  @Prop({ type: Date, default: null })
  publishedAt!: Date | null;

  /** How many times the message was published (1 normally; more after relay republishes). */
  @Prop({ type: Number, default: 0 })
  publishAttempts!: number;

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

  @Prop({ type: Date, default: null })
  completedAt!: Date | null;

  /** Why the request failed (status `failed`). */
  @Prop({ type: String, default: null })
  error!: string | null;

  @Prop({ type: { _id: false, language: String, comment: String, at: Date }, default: null })
  feedback!: StoredFeedback | null;
}

export type PredictionRecordDocument = HydratedDocument<PredictionRecord>;

export const PredictionRecordSchema = SchemaFactory.createForClass(PredictionRecord);
/** Outbox scans: requests still queued, oldest publish first. */
PredictionRecordSchema.index({ status: 1, publishedAt: 1 });
