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
import { parseJsonMessage, type ParseResult } from '../messages';
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

/**
 * Decodes and validates a `prediction.requested.v1` body. Never throws: a malformed
 * body yields `{ ok: false, reason }` so that the consumer can dead-letter it.
 */
export function parsePredictionRequestedV1(
  body: Buffer | string,
): ParseResult<PredictionRequestedV1> {
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
