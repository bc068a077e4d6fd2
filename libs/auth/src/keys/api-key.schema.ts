import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** MongoDB collection of the API keys. */
export const API_KEYS_COLLECTION = 'api_keys';

/**
 * One API key. The key itself is never stored: `_id` is its SHA-256 (hex), so a lookup by
 * the presented key is one `_id` read and a database leak reveals no usable key.
 */
@Schema({ collection: API_KEYS_COLLECTION, versionKey: false })
export class ApiKeyRecord {
  /** SHA-256 (hex) of the whole key. */
  @Prop({ type: String, required: true })
  _id!: string;

  /** Unique, human-chosen name (what `revoke` takes). */
  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: [String], required: true })
  scopes!: string[];

  /** Requests per second of this key's token bucket; absent = the gateway's default. */
  @Prop({ type: Number, required: false })
  rateLimit?: number;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  /** Updated at most once per `lastUsedIntervalMs` per key and process. */
  @Prop({ type: Date, required: false })
  lastUsedAt?: Date;

  /** Set when revoked; a revoked key is refused (within the verified-key cache TTL). */
  @Prop({ type: Date, required: false })
  revokedAt?: Date;
}

export const ApiKeyRecordSchema = SchemaFactory.createForClass(ApiKeyRecord);
/** Names are unique (also among revoked keys: a name always identifies one key). */
ApiKeyRecordSchema.index({ name: 1 }, { unique: true });
