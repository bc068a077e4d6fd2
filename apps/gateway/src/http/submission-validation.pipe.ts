import {
  ArgumentMetadata,
  Injectable,
  ValidationPipe,
  ValidationPipeOptions,
} from '@nestjs/common';
import { CreatePredictionBatchDto, CreatePredictionDto } from '@sibyl/contracts';

type Body = Record<string, unknown>;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

/** True if `body` has exactly one own property, `key`. */
function hasOnly(body: Body, key: string): boolean {
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === key;
}

/**
 * Submission bodies that are valid as they stand, recognised by a check that costs next to
 * nothing (what class-validator's decorators on these DTOs would accept with whitelist and
 * forbidNonWhitelisted on). Anything else takes the full validation and its messages.
 */
const VALID_AS_IS = new Map<unknown, (body: Body) => boolean>([
  [CreatePredictionDto, (body) => hasOnly(body, 'text') && isNonEmptyString(body.text)],
  [
    CreatePredictionBatchDto,
    (body) =>
      hasOnly(body, 'texts') &&
      Array.isArray(body.texts) &&
      body.texts.length > 0 &&
      body.texts.every(isNonEmptyString),
  ],
]);

/**
 * The gateway's global ValidationPipe, with a fast path for the hot routes: a well-formed
 * submission body (`{ text }`, `{ texts: [...] }`) becomes its DTO without class-transformer and
 * class-validator; every other body, and every other parameter, is validated in full, so client
 * mistakes get exactly the same 400 messages.
 */
@Injectable()
export class SubmissionValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const validAsIs = metadata.type === 'body' ? VALID_AS_IS.get(metadata.metatype) : undefined;
    if (
      validAsIs &&
      metadata.metatype &&
      typeof value === 'object' &&
      value !== null &&
      Object.getPrototypeOf(value) === Object.prototype &&
      validAsIs(value as Body)
    ) {
      return Promise.resolve(Object.assign(new metadata.metatype(), value));
    }
    return super.transform(value, metadata);
  }
}
