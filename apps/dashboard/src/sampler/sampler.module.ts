import { Module } from '@nestjs/common';
import { DashboardMetrics } from '../metrics/dashboard.metrics';
import { SAMPLER_FETCH } from './sampler.constants';
import { SamplerService } from './sampler.service';

/** Polls the gateway and predictors and derives the operations samples. */
@Module({
  providers: [
    SamplerService,
    DashboardMetrics,
    { provide: SAMPLER_FETCH, useValue: (url: string, init?: RequestInit) => fetch(url, init) },
  ],
  exports: [SamplerService],
})
export class SamplerModule {}
