import {
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Min,
} from 'class-validator';
import { parseJsonMessage, parseJsonObject, type ParseResult } from '../messages';
import { MessagingV1 } from '../patterns';

/**
 * `prediction.requested.v1` — published by the gateway (and its outbox relay)
 * once the request document is stored; consumed by the predictors.
 *
 * Body: UTF-8 JSON. AMQP properties: `messageId` = trackingId,
 * `type` = {@link MessagingV1.PredictionRequested}, `contentType` = application/json,
 * `deliveryMode` = 2 (persistent).
 */
export class PredictionRequestedV1 {
  /** Schema version of this body. */
  @IsIn([1])
  v!: 1;

  /** The id the client polls; also the database `_id` and AMQP `messageId`. */
  @IsUUID()
  trackingId!: string;

  /** Text to classify. Size limits are enforced by the gateway. */
  @IsString()
  @IsNotEmpty()
  text!: string;

  /** When the gateway accepted the request (ISO-8601). */
  @IsISO8601({ strict: true })
  submittedAt!: string;

  /** 1 for the first publish; incremented each time the outbox relay republishes. */
  @IsInt()
  @Min(1)
  attempt!: number;

  /**
   * Id of the API key that submitted the request (absent with AUTH=off). Optional and additive:
   * the predictor passes it on in `prediction.completed.v1`, so a gateway can route a completion
   * to its owner's event stream without reading the database.
   */
  @IsOptional()
  @IsString()
  owner?: string;
}

/** The fields of a `prediction.requested.v1` message (the version is added when encoding). */
export type PredictionRequest = Omit<PredictionRequestedV1, 'v'>;

/** An RFC 4122 UUID (versions 1–5): a subset of what `@IsUUID()` accepts. */
const RFC_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Length of `Date#toISOString()` for years 0000–9999 (`2026-01-02T03:04:05.000Z`). */
const ISO_INSTANT_LENGTH = 24;

/** The fields a body may have. */
const FIELDS: ReadonlySet<string> = new Set([
  'v',
  'trackingId',
  'text',
  'submittedAt',
  'attempt',
  'owner',
]);

/**
 * True for a body exactly as the gateway encodes it (a `Date#toISOString()` timestamp, a random
 * UUID, only known fields): such a body passes the class-validator decorators above, so it needs
 * no decorator walk. Anything else takes the full validation and its messages.
 */
function isWellFormed(plain: Record<string, unknown>): boolean {
  const { v, trackingId, text, submittedAt, attempt, owner } = plain;
  if (v !== 1 || typeof text !== 'string' || text === '') return false;
  if (typeof trackingId !== 'string' || !RFC_UUID.test(trackingId)) return false;
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1) return false;
  if (owner !== undefined && typeof owner !== 'string') return false;
  if (typeof submittedAt !== 'string' || submittedAt.length !== ISO_INSTANT_LENGTH) return false;
  const instant = new Date(submittedAt);
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== submittedAt) return false;
  return Object.keys(plain).every((key) => FIELDS.has(key));
}

/**
 * Decodes and validates a `prediction.requested.v1` body. Never throws: a malformed
 * body yields `{ ok: false, reason }` so that the consumer can dead-letter it. Every predictor
 * parses every request: a body as the gateway writes it is checked by hand (class-validator's
 * metadata walk and ISO-8601 parser were ≈ 15 % of a predictor's CPU, issue 12); any other body
 * is validated by the decorators, with their messages.
 */
export function parsePredictionRequestedV1(
  body: Buffer | string,
): ParseResult<PredictionRequestedV1> {
  const plain = parseJsonObject(body);
  if (plain.ok && isWellFormed(plain.value)) {
    return { ok: true, value: Object.assign(new PredictionRequestedV1(), plain.value) };
  }
  return parseJsonMessage(PredictionRequestedV1, body, MessagingV1.PredictionRequested);
}

/** Serialises a message body; the inverse of {@link parsePredictionRequestedV1}. */
export function encodePredictionRequestedV1(message: PredictionRequest): Buffer {
  const body: PredictionRequestedV1 = {
    v: 1,
    trackingId: message.trackingId,
    text: message.text,
    submittedAt: message.submittedAt,
    attempt: message.attempt,
  };
  if (message.owner !== undefined) body.owner = message.owner;
  return Buffer.from(JSON.stringify(body), 'utf8');
}
