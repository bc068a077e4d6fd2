import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

/** Name of the MongoDB collection holding one document per prediction that received feedback. */
export const FEEDBACK_COLLECTION = 'feedback';

/** `modelVersion` recorded for feedback on a result that names no model (results of old predictors). */
export const UNKNOWN_MODEL_VERSION = 'unknown';

/**
 * Verified feedback on one prediction: what the model said (`predicted`), what the client says
 * the language really is (`actual`), and the request's text, so the collection alone is a
 * labelled data set (`models export-feedback`). Keyed by tracking id: feedback is matched by
 * request id and a later correction replaces the earlier one. Small on purpose: the live-accuracy
 * windows read the newest N documents of one version, which on FerretDB 1.24 is a scan of this
 * collection only, never of `prediction_results`.
 */
@Schema({ collection: FEEDBACK_COLLECTION, versionKey: false })
export class FeedbackRecord {
  /** The tracking id of the request. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The model that produced the result ({@link UNKNOWN_MODEL_VERSION} when the result names none). */
  @Prop({ type: String, required: true })
  modelVersion!: string;

  /** The language the model answered (`und` included). */
  @Prop({ type: String, required: true })
  predicted!: string;

  /** The language the feedback says is right. */
  @Prop({ type: String, required: true })
  actual!: string;

  /** When the feedback was given (the gateway's clock). */
  @Prop({ type: Date, required: true })
  at!: Date;

  /** The request's text (kept for retraining). */
  @Prop({ type: String, required: true })
  text!: string;

  /** Id of the key that gave it (absent with AUTH=off). */
  @Prop({ type: String, required: false })
  owner?: string;
}

export type FeedbackDocument = HydratedDocument<FeedbackRecord>;

export const FeedbackSchema = SchemaFactory.createForClass(FeedbackRecord);
/** Live-accuracy windows read one version's newest feedback. */
FeedbackSchema.index({ modelVersion: 1, at: -1 });
/** Exports and the versions seen lately read by time. */
FeedbackSchema.index({ at: 1 });
