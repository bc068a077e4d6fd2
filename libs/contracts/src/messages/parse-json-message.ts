import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

/** Result of parsing a message body: the message, or why it was refused. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Decodes a UTF-8 JSON body that must be an object (not an array). Never throws. */
export function parseJsonObject(body: Buffer | string): ParseResult<Record<string, unknown>> {
  let plain: unknown;
  try {
    plain = JSON.parse(typeof body === 'string' ? body : body.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `body is not JSON: ${(error as Error).message}` };
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return { ok: false, reason: 'body is not a JSON object' };
  }
  return { ok: true, value: plain as Record<string, unknown> };
}

/**
 * Decodes a UTF-8 JSON body into an instance of `type` and validates it with its
 * class-validator decorators. Never throws: a malformed body yields `{ ok: false, reason }`
 * (naming `label`, e.g. `prediction.requested.v1`) so that the consumer can dead-letter or log it.
 */
export function parseJsonMessage<T extends object>(
  type: ClassConstructor<T>,
  body: Buffer | string,
  label: string,
): ParseResult<T> {
  const plain = parseJsonObject(body);
  if (!plain.ok) return plain;
  const message = plainToInstance(type, plain.value);
  const errors = validateSync(message, { forbidUnknownValues: true });
  if (errors.length > 0) {
    const reason = errors
      .map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`)
      .join('; ');
    return { ok: false, reason: `invalid ${label}: ${reason}` };
  }
  return { ok: true, value: message };
}
