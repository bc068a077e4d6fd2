import { ConfigService } from '@nestjs/config';
import { validateDashboardConfig } from '../config/dashboard.config';
import { WebConfigController } from './web-config.controller';

const controllerFor = (env: Record<string, string>) =>
  new WebConfigController(
    new ConfigService(validateDashboardConfig(env) as unknown as Record<string, unknown>) as never,
  );

describe('WebConfigController', () => {
  it('gives the browser thresholds and language names, never a key or the gateway address', () => {
    const view = controllerFor({
      GATEWAY_URL: 'http://gateway:3000',
      DASHBOARD_API_KEY: 'sk_secret',
      SAMPLE_INTERVAL_MS: '500',
    }).get();
    expect(JSON.stringify(view)).not.toMatch(/sk_secret|gateway:3000/);
    expect(view).toMatchObject({
      backlogAlertThreshold: 1000,
      sampleIntervalMs: 500,
      historySize: 300,
    });
    expect(view.languages['sv']).toEqual({ english: 'Swedish', native: 'Svenska' });
    expect(view.languages['ar']).toEqual({ english: 'Arabic', native: 'العربية' });
    expect(view.languages['und'].english).toBeTruthy();
  });
});
