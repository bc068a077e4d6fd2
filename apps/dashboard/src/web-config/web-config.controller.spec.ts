import { ConfigService } from '@nestjs/config';
import { validateDashboardConfig } from '../config/dashboard.config';
import { WebConfigController } from './web-config.controller';

const controllerFor = (env: Record<string, string>) =>
  new WebConfigController(
    new ConfigService(validateDashboardConfig(env) as unknown as Record<string, unknown>) as never,
  );

describe('WebConfigController', () => {
  it('gives the browser the public gateway URL, thresholds and language names', () => {
    const view = controllerFor({
      GATEWAY_URL: 'http://gateway:3000',
      GATEWAY_PUBLIC_URL: 'https://api.example.org/',
      SAMPLE_INTERVAL_MS: '500',
    }).get();
    expect(view).toMatchObject({
      gatewayUrl: 'https://api.example.org',
      backlogAlertThreshold: 1000,
      sampleIntervalMs: 500,
      historySize: 300,
    });
    expect(view.languages['sv']).toEqual({ english: 'Swedish', native: 'Svenska' });
    expect(view.languages['ar']).toEqual({ english: 'Arabic', native: 'العربية' });
    expect(view.languages['und'].english).toBeTruthy();
  });

  it('defaults the public gateway URL to GATEWAY_URL', () => {
    expect(controllerFor({ GATEWAY_URL: 'http://127.0.0.1:4000' }).get().gatewayUrl).toBe(
      'http://127.0.0.1:4000',
    );
  });
});
