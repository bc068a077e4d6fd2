import { BadRequestException, Controller, Get, Param, PipeTransform } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { OPENAPI_BEARER, RequireScopes } from '@sibyl/auth';
import { LanguageAccuracyView, ModelAccuracyView } from '@sibyl/contracts';
import { MODEL_VERSION_PATTERN, MODELS_PATH } from './model-accuracy.constants';
import { ModelAccuracyService } from './model-accuracy.service';

/** Refuses a path segment that cannot be a model version (400 with a message). */
export const modelVersion: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!MODEL_VERSION_PATTERN.test(value))
      throw new BadRequestException(
        'version must be 1-128 characters of letters, digits, ".", "_", ":" or "-"',
      );
    return value;
  },
};

/**
 * `GET /v1/models/:version/accuracy`: live accuracy from verified feedback. Scope `read`: it
 * exposes aggregate counts only (no texts, no keys), what an operator's or a client's read key may
 * see; the registry's own endpoints beside it are `admin`.
 */
@ApiTags('models')
@ApiBearerAuth(OPENAPI_BEARER)
@ApiExtraModels(LanguageAccuracyView)
@ApiUnauthorizedResponse({ description: 'Missing, invalid or revoked API key' })
@ApiForbiddenResponse({ description: 'The key lacks the read scope' })
@Controller(MODELS_PATH)
export class ModelAccuracyController {
  constructor(private readonly accuracy: ModelAccuracyService) {}

  @Get(':version/accuracy')
  @RequireScopes('read')
  @ApiOperation({
    summary:
      'Accuracy of a model version from feedback: overall, per language and the most confused pairs, over the last 100 and 1000 feedback items and the last 24 h',
  })
  @ApiOkResponse({ type: ModelAccuracyView })
  @ApiBadRequestResponse({ description: 'Malformed version' })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable; retry later' })
  find(@Param('version', modelVersion) version: string): Promise<ModelAccuracyView> {
    return this.accuracy.report(version);
  }
}
