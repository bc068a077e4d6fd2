import { Body, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { CurrentKey, type VerifiedKey } from '@sibyl/auth';
import { PromoteModelDto, RollbackModelDto } from '@sibyl/contracts';
import type { ModelRecord } from '@sibyl/registry';
import { AdminController } from '../http/admin-controller.decorator';
import { MODELS_PATH } from '../model-accuracy/model-accuracy.constants';
import { modelVersion } from '../model-accuracy/model-accuracy.controller';
import { ModelsService, type LiveModelChangeView } from './models.service';

/**
 * The model registry over REST (`admin`): list and show versions, promote through the gate
 * (409 with per-language deltas when it refuses; `{ force, reason }` overrides), roll back.
 * Promotions and rollbacks are recorded with the API key as the actor and announced as
 * `model.promoted.v1`.
 */
@AdminController('models', MODELS_PATH)
export class ModelsController {
  constructor(private readonly models: ModelsService) {}

  @Get()
  @ApiOperation({ summary: 'Every registered model version with status and metrics, newest first' })
  @ApiOkResponse({ description: '{ items: ModelRecord[] }' })
  async list(): Promise<{ items: ModelRecord[] }> {
    return { items: await this.models.list() };
  }

  @Post('rollback')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Make the previously live model live again' })
  @ApiOkResponse({ description: 'The change, and whether model.promoted.v1 was published' })
  @ApiConflictResponse({ description: 'No model is live, or the live one replaced none' })
  rollback(
    @Body() body: RollbackModelDto,
    @CurrentKey() key: VerifiedKey,
  ): Promise<LiveModelChangeView> {
    return this.models.rollback(body, key);
  }

  @Get(':version')
  @ApiOperation({ summary: 'One version: provenance, metrics, shadow report and changelog' })
  @ApiOkResponse({ description: 'The ModelRecord' })
  @ApiNotFoundResponse({ description: 'No such version' })
  get(@Param('version', modelVersion) version: string): Promise<ModelRecord> {
    return this.models.get(version);
  }

  @Post(':version/promote')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Make a version live if its held-out accuracy is at most PROMOTION_MAX_ACCURACY_DROP below the live one',
  })
  @ApiOkResponse({ description: 'The change, and whether model.promoted.v1 was published' })
  @ApiConflictResponse({
    description: 'Refused by the gate (body has deltas per language and margin), or already live',
  })
  @ApiBadRequestResponse({ description: 'force without a reason, or a malformed body' })
  @ApiNotFoundResponse({ description: 'No such version' })
  promote(
    @Param('version', modelVersion) version: string,
    @Body() body: PromoteModelDto,
    @CurrentKey() key: VerifiedKey,
  ): Promise<LiveModelChangeView> {
    return this.models.promote(version, body, key);
  }
}
