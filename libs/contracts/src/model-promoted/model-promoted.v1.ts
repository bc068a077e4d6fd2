import { IsIn, IsISO8601, IsNotEmpty, IsString, Matches, ValidateIf } from 'class-validator';
import { parseJsonMessage, type ParseResult } from '../messages';
import { MessagingV1 } from '../patterns';

/** What made a model live. */
export const MODEL_CHANGE_ACTIONS = ['promote', 'rollback'] as const;
/** `promote` (through the gate, or forced) or `rollback` (back to the previous live model). */
export type ModelChangeAction = (typeof MODEL_CHANGE_ACTIONS)[number];

/**
 * `model.promoted.v1` — published on the fanout exchange `sibyl.v1.models` by whoever promotes
 * or rolls back (the models CLI, the gateway's REST), AFTER the registry says `version` is live.
 * Predictors fetch that version from the registry, verify its checksum and swap to it; they also
 * re-check the live model periodically, so a lost event only delays a swap.
 *
 * Body: UTF-8 JSON. AMQP properties: `type` = {@link MessagingV1.ModelPromoted},
 * `contentType` = application/json, `deliveryMode` = 2 (persistent), published with confirms.
 */
export class ModelPromotedV1 {
  @IsIn([MessagingV1.ModelPromoted])
  type!: 'model.promoted.v1';

  /** The registry version live now (`langid-<12 hex>`). */
  @IsString()
  @IsNotEmpty()
  version!: string;

  /** SHA-256 (hex) of its artifact, to verify after fetching. */
  @Matches(/^[0-9a-f]{64}$/)
  sha256!: string;

  /** The version it replaced; null for the first live model. */
  @ValidateIf((_message, value) => value !== null)
  @IsString()
  @IsNotEmpty()
  previousVersion!: string | null;

  @IsIn(MODEL_CHANGE_ACTIONS)
  action!: ModelChangeAction;

  /** When the registry made it live (ISO-8601). */
  @IsISO8601({ strict: true })
  at!: string;
}

/** Decodes and validates a `model.promoted.v1` body. Never throws. */
export function parseModelPromotedV1(body: Buffer | string): ParseResult<ModelPromotedV1> {
  return parseJsonMessage(ModelPromotedV1, body, MessagingV1.ModelPromoted);
}

/** Serialises a `model.promoted.v1` body (the `type` is added). */
export function encodeModelPromotedV1(message: Omit<ModelPromotedV1, 'type'>): Buffer {
  const body: ModelPromotedV1 = {
    type: MessagingV1.ModelPromoted,
    version: message.version,
    sha256: message.sha256,
    previousVersion: message.previousVersion,
    action: message.action,
    at: message.at,
  };
  return Buffer.from(JSON.stringify(body), 'utf8');
}
