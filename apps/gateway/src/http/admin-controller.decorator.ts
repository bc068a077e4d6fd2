import { applyDecorators, Controller } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { OPENAPI_BEARER, RequireScopes } from '@sibyl/auth';

/**
 * A controller whose endpoints need the `admin` scope (a method may relax it with its own
 * `@RequireScopes`), documented in OpenAPI under `tag` with its 401 and 403 answers.
 */
export function AdminController(tag: string, path: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiBearerAuth(OPENAPI_BEARER),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked API key' }),
    ApiForbiddenResponse({ description: 'The key lacks the admin scope' }),
    RequireScopes('admin'),
    Controller(path),
  );
}
