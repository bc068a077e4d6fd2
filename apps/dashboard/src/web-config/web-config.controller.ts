import { Controller, Get } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LANGUAGES, languageNames, UNDETERMINED } from '@sibyl/model';
import type { DashboardConfig } from '../config/dashboard.config';
import type { WebConfigView } from './web-config.view';

/** What the browser needs to know: thresholds, language names (never a key or a gateway address). */
@Controller('api')
export class WebConfigController {
  private readonly view: WebConfigView;

  constructor(config: ConfigService<DashboardConfig, true>) {
    this.view = {
      backlogAlertThreshold: config.get('BACKLOG_ALERT_THRESHOLD', { infer: true }),
      sampleIntervalMs: config.get('SAMPLE_INTERVAL_MS', { infer: true }),
      historySize: config.get('SAMPLE_HISTORY_SIZE', { infer: true }),
      languages: { ...LANGUAGES, [UNDETERMINED]: languageNames(UNDETERMINED) },
    };
  }

  /** `GET /api/config`. */
  @Get('config')
  get(): WebConfigView {
    return this.view;
  }
}
