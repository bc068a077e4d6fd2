import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** Name of the MongoDB collection holding one document per accepted prediction request. */
export const PREDICTIONS_COLLECTION = 'predictions';

/**
 * One accepted prediction request, written once by the gateway before it answers `202`.
 * It is also the outbox entry: the gateway's relay republishes requests that have no
 * result ({@link PredictionResultRecord}) some time after submission.
 *
 * Nothing updates it on the hot path — the predictors write results into their own
 * collection — so no write can race another on the same document (FerretDB 1.24 applies
 * updates as read-modify-write without isolation), and a request costs one insert.
 */
@Schema({ collection: PREDICTIONS_COLLECTION, versionKey: false })
export class PredictionRecord {
  /** The tracking id (UUID v4). */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: String, required: true })
  text!: string;

  @Prop({ type: Date, required: true })
  submittedAt!: Date;

  /** How many times the message was published (1 normally; more after relay republishes). */
  @Prop({ type: Number, default: 1 })
  publishAttempts!: number;

  /**
   * Id (SHA-256) of the API key that submitted it: only that key may read it or give feedback.
   * Absent when the gateway ran with AUTH=off (such requests are invisible to keys).
   */
  @Prop({ type: String, required: false })
  owner?: string;

  /** When the outbox relay last republished it (absent until then): the next republish waits a full period. */
  @Prop({ type: Date, required: false })
  republishedAt?: Date;
}

export type PredictionRecordDocument = HydratedDocument<PredictionRecord>;

export const PredictionRecordSchema = SchemaFactory.createForClass(PredictionRecord);
/** Outbox sweeps read requests by submission time. */
PredictionRecordSchema.index({ submittedAt: 1 });
