import { validateDashboardConfig } from './dashboard.config';

describe('validateDashboardConfig', () => {
  it('applies the documented defaults', () => {
    const config = validateDashboardConfig({});
    expect(config).toMatchObject({
      DASHBOARD_PORT: 3001,
      GATEWAY_URL: 'http://127.0.0.1:3000',
      PREDICTOR_METRICS_URLS: ['http://127.0.0.1:3002/metrics'],
      BACKLOG_ALERT_THRESHOLD: 1000,
      SAMPLE_INTERVAL_MS: 1000,
    });
    expect(config.GATEWAY_PUBLIC_URL).toBeUndefined();
  });

  it('converts numbers and splits the predictor list, treating empty values as unset', () => {
    const config = validateDashboardConfig({
      DASHBOARD_PORT: '4001',
      PREDICTOR_METRICS_URLS: 'http://a:1/metrics, http://b:2/metrics,',
      GATEWAY_PUBLIC_URL: '',
      SAMPLE_INTERVAL_MS: '250',
    });
    expect(config.DASHBOARD_PORT).toBe(4001);
    expect(config.PREDICTOR_METRICS_URLS).toEqual(['http://a:1/metrics', 'http://b:2/metrics']);
    expect(config.GATEWAY_PUBLIC_URL).toBeUndefined();
    expect(config.SAMPLE_INTERVAL_MS).toBe(250);
  });

  it('rejects invalid values with one message naming them', () => {
    expect(() =>
      validateDashboardConfig({
        DASHBOARD_PORT: 'x',
        GATEWAY_URL: 'localhost',
        SAMPLE_INTERVAL_MS: '5',
        PREDICTOR_METRICS_URLS: 'ftp://x',
      }),
    ).toThrow(
      /Invalid dashboard configuration:\n {2}DASHBOARD_PORT="x": .*must be an integer[\s\S]*GATEWAY_URL="localhost": GATEWAY_URL must be an http\(s\) URL[\s\S]*PREDICTOR_METRICS_URLS="ftp:\/\/x": PREDICTOR_METRICS_URLS must be http\(s\) URLs[\s\S]*SAMPLE_INTERVAL_MS="5": SAMPLE_INTERVAL_MS must not be less than 100/,
    );
  });
});
