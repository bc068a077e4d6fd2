import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { GatewayEnvironment } from '../config/env.validation';
import { MODELS_OPTIONS, type ModelsOptions } from './models.constants';
import { ModelsController } from './models.controller';
import { ModelsMetrics } from './models.metrics';
import { ModelsService } from './models.service';

/** The model registry endpoints (`/v1/models`, admin). */
@Module({
  controllers: [ModelsController],
  providers: [
    {
      provide: MODELS_OPTIONS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<GatewayEnvironment, true>): ModelsOptions => ({
        margin: config.get('PROMOTION_MAX_ACCURACY_DROP', { infer: true }),
      }),
    },
    ModelsMetrics,
    ModelsService,
  ],
})
export class ModelsModule {}
