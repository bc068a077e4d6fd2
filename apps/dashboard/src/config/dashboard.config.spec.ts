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
    expect(config.DASHBOARD_API_KEY).toBeUndefined();
    expect(config.DASHBOARD_COOKIE_SECURE).toBe(false);
    expect(config.DASHBOARD_SESSION_TTL_MS).toBe(8 * 3600_000);
  });

  it('converts numbers and splits the predictor list, treating empty values as unset', () => {
    const config = validateDashboardConfig({
      DASHBOARD_PORT: '4001',
      PREDICTOR_METRICS_URLS: 'http://a:1/metrics, http://b:2/metrics,',
      DASHBOARD_USER: '',
      SAMPLE_INTERVAL_MS: '250',
    });
    expect(config.DASHBOARD_PORT).toBe(4001);
    expect(config.PREDICTOR_METRICS_URLS).toEqual(['http://a:1/metrics', 'http://b:2/metrics']);
    expect(config.DASHBOARD_USER).toBeUndefined();
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

  it('requires a password of 8 characters or more with DASHBOARD_USER', () => {
    expect(() => validateDashboardConfig({ DASHBOARD_USER: 'ops' })).toThrow(
      /DASHBOARD_PASSWORD is required with DASHBOARD_USER/,
    );
    expect(() =>
      validateDashboardConfig({ DASHBOARD_USER: 'ops', DASHBOARD_PASSWORD: 'short' }),
    ).toThrow(/DASHBOARD_PASSWORD must be at least 8 characters/);
    // A secret's value never appears in the error (it would end up in the logs).
    expect(() =>
      validateDashboardConfig({ DASHBOARD_USER: 'ops', DASHBOARD_PASSWORD: 'hunter2' }),
    ).toThrow(/DASHBOARD_PASSWORD="\*\*\*"/);
    expect(() =>
      validateDashboardConfig({ DASHBOARD_SESSION_SECRET: 'short-session-secret' }),
    ).not.toThrow(/short-session-secret/);
    const config = validateDashboardConfig({
      DASHBOARD_USER: 'ops',
      DASHBOARD_PASSWORD: 'long enough',
      DASHBOARD_COOKIE_SECURE: 'true',
    });
    expect(config.DASHBOARD_COOKIE_SECURE).toBe(true);
  });

  it('refuses a short session secret', () => {
    expect(() => validateDashboardConfig({ DASHBOARD_SESSION_SECRET: 'x'.repeat(31) })).toThrow(
      /DASHBOARD_SESSION_SECRET must be at least 32 characters/,
    );
  });
});
