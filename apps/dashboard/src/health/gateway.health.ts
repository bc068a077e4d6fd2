import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import type { DashboardConfig } from '../config/dashboard.config';
import type { FetchFunction } from '../sampler/endpoint.scraper';
import { GATEWAY_HEALTH_TIMEOUT_MS, HEALTH_FETCH } from './health.constants';

/** Whether the gateway the dashboard samples answers its liveness probe. */
@Injectable()
export class GatewayHealthIndicator {
  private readonly url: string;

  constructor(
    private readonly indicators: HealthIndicatorService,
    config: ConfigService<DashboardConfig, true>,
    @Inject(HEALTH_FETCH) private readonly fetchFn: FetchFunction,
  ) {
    this.url = `${config.get('GATEWAY_URL', { infer: true }).replace(/\/+$/, '')}/health/live`;
  }

  /** Up when `GET <GATEWAY_URL>/health/live` answers 2xx in time. */
  async isReachable(key = 'gateway'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      const response = await this.fetchFn(this.url, {
        signal: AbortSignal.timeout(GATEWAY_HEALTH_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.ok
        ? indicator.up({ url: this.url })
        : indicator.down({ url: this.url, message: `HTTP ${response.status}` });
    } catch (error) {
      return indicator.down({
        url: this.url,
        message: (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message,
      });
    }
  }
}
