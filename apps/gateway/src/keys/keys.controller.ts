import {
  BadRequestException,
  Body,
  ConflictException,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  NotFoundException,
  Param,
  Post,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import {
  ApiKeyInputError,
  ApiKeyStore,
  CurrentKey,
  KEY_VERIFIER,
  KeyVerifier,
  RequireScopes,
  VerifiedKey,
} from '@sibyl/auth';
import {
  ApiKeyIdentityView,
  ApiKeyListView,
  CreateApiKeyDto,
  CreatedApiKeyView,
} from '@sibyl/contracts';
import { AdminController } from '../http/admin-controller.decorator';
import { KEYS_PATH } from './keys.constants';

/** API key management (`admin`), and `GET /v1/keys/me` for any valid key. */
@AdminController('keys', KEYS_PATH)
export class KeysController {
  constructor(
    private readonly store: ApiKeyStore,
    @Inject(KEY_VERIFIER) private readonly verifier: KeyVerifier,
  ) {}

  @Get('me')
  @RequireScopes()
  @ApiOperation({ summary: 'The name, scopes and rate limit of the presented key (any scope)' })
  @ApiOkResponse({ type: ApiKeyIdentityView })
  me(@CurrentKey() key: VerifiedKey): ApiKeyIdentityView {
    return { name: key.name, scopes: [...key.scopes], rateLimit: key.rateLimit ?? null };
  }

  @Get()
  @ApiOperation({ summary: 'Every key (never the key itself), revoked ones too' })
  @ApiOkResponse({ type: ApiKeyListView })
  async list(): Promise<ApiKeyListView> {
    const keys = await this.store.list();
    return {
      items: keys.map((key) => ({
        name: key.name,
        scopes: key.scopes,
        rateLimit: key.rateLimit,
        createdAt: key.createdAt.toISOString(),
        lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
        revokedAt: key.revokedAt?.toISOString() ?? null,
      })),
    };
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'Create a key; the answer is the only time the key is shown' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  @ApiConflictResponse({ description: 'A key with that name exists' })
  async create(@Body() body: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    try {
      return await this.store.create(body);
    } catch (error) {
      if (error instanceof ApiKeyInputError) {
        throw error.conflict
          ? new ConflictException(error.message)
          : new BadRequestException(error.message);
      }
      throw error;
    }
  }

  @Delete(':name')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary:
      'Revoke a key (refused by every gateway within AUTH_CACHE_TTL_MS, at once by this one)',
  })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiNotFoundResponse({ description: 'No key with that name' })
  async revoke(@Param('name') name: string): Promise<void> {
    const outcome = await this.store.revoke(name);
    if (outcome === 'not_found') throw new NotFoundException(`no API key named "${name}"`);
    this.verifier.forget();
  }
}
