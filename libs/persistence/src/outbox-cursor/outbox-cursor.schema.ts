import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** Name of the collection holding the outbox relay's progress (one small document per cursor). */
export const OUTBOX_CURSORS_COLLECTION = 'outbox_cursors';

/** `_id` of the cursor of the relay's sweep over `predictions`. */
export const SWEEP_CURSOR_ID = 'sweep';

/**
 * `_id` of the republish marker: whoever learns that the requests queue was lost (deleted, or
 * replaced by a foreign declaration) increments its `generation`; every gateway's outbox relay,
 * seeing it change, republishes each request without a result last published before then.
 */
export const REPUBLISH_MARKER_ID = 'republish';

/**
 * How far the outbox sweep got: every request submitted before `through` has a result or was
 * republished with a broker confirm. Shared by all gateways; it only moves forward (`$max`).
 */
@Schema({ collection: OUTBOX_CURSORS_COLLECTION, versionKey: false })
export class OutboxCursorRecord {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ type: Date, required: true })
  through!: Date;

  /** Republish marker only: how many times a requests-queue loss was reported. */
  @Prop({ type: Number, required: false })
  generation?: number;
}

export const OutboxCursorSchema = SchemaFactory.createForClass(OutboxCursorRecord);
