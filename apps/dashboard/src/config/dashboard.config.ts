import { BaseEnvironment, validateEnv } from '@sibyl/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';

const URL_OPTIONS = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** Splits a comma-separated list, dropping blanks. */
function commaList({ value }: { value: unknown }): unknown {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;
}

/**
 * Environment of the dashboard, validated once at boot: the variables of every process
 * ({@link BaseEnvironment}: log level) and its own; defaults as in the build spec.
 */
export class DashboardConfig extends BaseEnvironment {
  /** HTTP port of the dashboard. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(65535)
  DASHBOARD_PORT = 3001;

  /** Interface the dashboard listens on. */
  @IsString()
  DASHBOARD_HOST = '0.0.0.0';

  /** Gateway base URL the dashboard server samples (`/v1/queue`, `/metrics`, `/health/live`). */
  @IsUrl(URL_OPTIONS, { message: 'GATEWAY_URL must be an http(s) URL' })
  GATEWAY_URL = 'http://127.0.0.1:3000';

  /** Gateway base URL the browser calls for the demo page; empty = GATEWAY_URL. */
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'GATEWAY_PUBLIC_URL must be an http(s) URL' })
  GATEWAY_PUBLIC_URL?: string = undefined;

  /** `/metrics` URLs of the predictors, comma-separated. */
  @Transform(commaList)
  @IsUrl(URL_OPTIONS, { each: true, message: 'PREDICTOR_METRICS_URLS must be http(s) URLs' })
  PREDICTOR_METRICS_URLS: string[] = ['http://127.0.0.1:3002/metrics'];

  /** Ready messages above which the operations view raises the backlog alert. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  BACKLOG_ALERT_THRESHOLD = 1000;

  /** How often the gateway and predictors are sampled. */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(100)
  @Max(60000)
  SAMPLE_INTERVAL_MS = 1000;

  /** Span over which rates and latency quantiles are computed (smooths the per-interval noise). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(0)
  @Max(600000)
  RATE_WINDOW_MS = 5000;

  /** Samples kept server-side so a newly opened page gets history (300 × 1 s = 5 minutes). */
  @Transform(({ value }) => Number(value))
  @IsInt()
  @Min(2)
  @Max(100000)
  SAMPLE_HISTORY_SIZE = 300;

  /** Directory of the built web UI; empty = `web/` beside main.js. */
  @IsOptional()
  @IsString()
  DASHBOARD_WEB_ROOT?: string = undefined;
}

/**
 * `ConfigModule.forRoot({ validate })` hook: the shared {@link validateEnv} on
 * {@link DashboardConfig} (defaults applied, types converted, one error listing every invalid
 * variable), so a misconfigured dashboard never starts.
 */
export function validateDashboardConfig(env: Record<string, unknown>): DashboardConfig {
  return validateEnv(DashboardConfig, env, { app: 'dashboard' });
}
