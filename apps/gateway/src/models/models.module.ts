import { Module } from '@nestjs/common';
import { envOptions } from '../config/env-options.provider';
import { MODELS_OPTIONS, type ModelsOptions } from './models.constants';
import { ModelsController } from './models.controller';
import { ModelsMetrics } from './models.metrics';
import { ModelsService } from './models.service';

/** The model registry endpoints (`/v1/models`, admin). */
@Module({
  controllers: [ModelsController],
  providers: [
    envOptions(MODELS_OPTIONS, (env): ModelsOptions => ({
      margin: env('PROMOTION_MAX_ACCURACY_DROP'),
    })),
    ModelsMetrics,
    ModelsService,
  ],
})
export class ModelsModule {}
