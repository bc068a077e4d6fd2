import { Module } from '@nestjs/common';
import { DemoModule } from '../demo/demo.module';
import { SamplerModule } from '../sampler/sampler.module';
import { ModelsController } from './models.controller';
import { ModelsOverviewService } from './models-overview.service';

/** The Models panel: registry, served versions and live accuracy, read from the gateway. */
@Module({
  imports: [DemoModule, SamplerModule],
  controllers: [ModelsController],
  providers: [ModelsOverviewService],
})
export class ModelsModule {}
