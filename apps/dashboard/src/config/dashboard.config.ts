// Explicit property types emit the `design:type` metadata class-transformer needs to turn env strings into numbers.
import 'reflect-metadata';
import { BaseEnvironment, validateEnv } from '@sibyl/config';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const MIN_PASSWORD_LENGTH = 8;
const MIN_SESSION_SECRET_LENGTH = 32;
/** Variables whose values never appear in a configuration error. */
const SECRET_VARIABLES = ['DASHBOARD_API_KEY', 'DASHBOARD_PASSWORD', 'DASHBOARD_SESSION_SECRET'];
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
  @IsInt() @Min(0) @Max(65535) DASHBOARD_PORT: number = 3001;

  /** Interface the dashboard listens on. */
  @IsString() DASHBOARD_HOST: string = '0.0.0.0';

  /** Gateway base URL the dashboard server samples (`/v1/queue`, `/metrics`, `/health/live`). */
  @IsUrl(URL_OPTIONS, { message: 'GATEWAY_URL must be an http(s) URL' })
  GATEWAY_URL: string = 'http://127.0.0.1:3000';

  /** `/metrics` URLs of the predictors, comma-separated. */
  @Transform(commaList)
  @IsUrl(URL_OPTIONS, { each: true, message: 'PREDICTOR_METRICS_URLS must be http(s) URLs' })
  PREDICTOR_METRICS_URLS: string[] = ['http://127.0.0.1:3002/metrics'];

  /** Ready messages above which the operations view raises the backlog alert. */
  @IsInt() @Min(0) BACKLOG_ALERT_THRESHOLD: number = 1000;

  /** How often the gateway and predictors are sampled. */
  @IsInt() @Min(100) @Max(60000) SAMPLE_INTERVAL_MS: number = 1000;

  /** Span over which rates and latency quantiles are computed (smooths the per-interval noise). */
  @IsInt() @Min(0) @Max(600000) RATE_WINDOW_MS: number = 5000;

  /** Samples kept server-side so a newly opened page gets history (300 × 1 s = 5 minutes). */
  @IsInt() @Min(2) @Max(100000) SAMPLE_HISTORY_SIZE: number = 300;

  /** Directory of the built web UI; empty = `web/` beside main.js. */
  @IsOptional()
  @IsString()
  DASHBOARD_WEB_ROOT?: string = undefined;

  /**
   * The dashboard server's own gateway key (scopes `predict,read,admin`): sent as a bearer token when
   * it samples the gateway and the predictors and when it relays the demo page's submissions. Never
   * sent to the browser.
   */
  @IsOptional()
  @Matches(/^\S+$/, { message: 'DASHBOARD_API_KEY must be one token without spaces' })
  DASHBOARD_API_KEY?: string = undefined;

  /** Optional configured login (with DASHBOARD_PASSWORD); an admin API key always works too. */
  @IsOptional()
  @Matches(/^[^\s:]+$/, { message: 'DASHBOARD_USER must not contain spaces or ":"' })
  DASHBOARD_USER?: string = undefined;

  /** Password of DASHBOARD_USER (at least 8 characters). */
  @ValidateIf((config: DashboardConfig) => config.DASHBOARD_USER !== undefined)
  @IsString({ message: 'DASHBOARD_PASSWORD is required with DASHBOARD_USER' })
  @MinLength(MIN_PASSWORD_LENGTH, {
    message: `DASHBOARD_PASSWORD must be at least ${MIN_PASSWORD_LENGTH} characters`,
  })
  DASHBOARD_PASSWORD?: string = undefined;

  /** Key that signs session cookies (the same on every replica); random at boot when unset. */
  @IsOptional()
  @MinLength(MIN_SESSION_SECRET_LENGTH, {
    message: `DASHBOARD_SESSION_SECRET must be at least ${MIN_SESSION_SECRET_LENGTH} characters`,
  })
  DASHBOARD_SESSION_SECRET?: string = undefined;

  /** Lifetime of a login session. */
  @IsInt() @Min(60_000) @Max(7 * 24 * 3600_000) DASHBOARD_SESSION_TTL_MS: number = 8 * 3600_000;

  /** Marks the session cookie `Secure` and sends HSTS (set it whenever the dashboard is served over HTTPS). */
  @Transform(({ obj }) =>
    [true, 'true'].includes((obj as Record<string, unknown>)['DASHBOARD_COOKIE_SECURE'] as never),
  )
  @IsBoolean()
  DASHBOARD_COOKIE_SECURE = false;

  /** Express `trust proxy` (e.g. `1` behind one ingress): client IPs of the login throttle. */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string = undefined;
}

/**
 * `ConfigModule.forRoot({ validate })` hook: the shared {@link validateEnv} on
 * {@link DashboardConfig} (defaults applied, types converted, one error listing every invalid
 * variable), so a misconfigured dashboard never starts.
 */
export function validateDashboardConfig(env: Record<string, unknown>): DashboardConfig {
  return validateEnv(DashboardConfig, env, { app: 'dashboard', secrets: SECRET_VARIABLES });
}
