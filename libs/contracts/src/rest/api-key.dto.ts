import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
} from 'class-validator';

/**
 * Every scope an API key can hold: `predict` (submit, batch), `read` (get, lookup, long poll),
 * `feedback`, `metrics` (GET /metrics of gateway and predictors), `admin` (keys, queue, ops; also
 * grants `metrics`).
 */
export const API_KEY_SCOPES = ['predict', 'read', 'feedback', 'metrics', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Most requests per second a key's own limit may be set to. */
export const MAX_KEY_RATE_LIMIT = 1_000_000;

/** Body of `POST /v1/keys`. */
export class CreateApiKeyDto {
  @ApiProperty({ description: 'Unique name (1–64 letters, digits, ".", "_", "-")', example: 'ci' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'name must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit',
  })
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['predict', 'read'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @IsIn(API_KEY_SCOPES, {
    each: true,
    message: `each scope must be one of ${API_KEY_SCOPES.join(', ')}`,
  })
  scopes!: ApiKeyScope[];

  @ApiPropertyOptional({ description: 'Requests per second (default: RATE_LIMIT_PER_SECOND)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(MAX_KEY_RATE_LIMIT)
  rateLimit?: number;
}

/** `GET /v1/keys/me`: who the presented key is. */
export class ApiKeyIdentityView {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes!: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Requests per second; null = default' })
  rateLimit!: number | null;
}

/** `POST /v1/keys` → 201: the new key, shown this once. */
export class CreatedApiKeyView extends ApiKeyIdentityView {
  @ApiProperty({ description: 'The key (sk_…); store it now, it is never shown again' })
  key!: string;
}

/** One entry of `GET /v1/keys`. */
export class ApiKeyView extends ApiKeyIdentityView {
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
}

/** `GET /v1/keys`. */
export class ApiKeyListView {
  @ApiProperty({ type: [ApiKeyView] }) items!: ApiKeyView[];
}
