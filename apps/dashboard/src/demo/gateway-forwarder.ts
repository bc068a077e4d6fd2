import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { DashboardConfig } from '../config/dashboard.config';
import { DEMO_FETCH } from './demo.constants';

/** A gateway answer to relay to the browser. */
export interface ForwardedAnswer {
  status: number;
  body: unknown;
  retryAfter?: string;
}

/** The subset of `fetch` the forwarder needs. */
export type ForwardFetch = (
  url: string,
  init?: RequestInit & { headers?: Record<string, string> },
) => Promise<Response>;

/**
 * Calls the gateway on behalf of a logged-in dashboard user with the dashboard's own key (DASHBOARD_API_KEY): the
 * browser talks only to the dashboard and never sees a key.
 */
@Injectable()
export class GatewayForwarder {
  private readonly logger = new Logger(GatewayForwarder.name);
  private readonly baseUrl: string;
  private readonly key?: string;

  constructor(
    config: ConfigService<DashboardConfig, true>,
    @Inject(DEMO_FETCH) private readonly fetchFn: ForwardFetch,
  ) {
    this.baseUrl = config.get('GATEWAY_URL', { infer: true }).replace(/\/+$/, '');
    this.key = config.get('DASHBOARD_API_KEY', { infer: true });
  }

  /** Sends `method path` (with a JSON body) and relays status, JSON body and `Retry-After`. */
  async forward(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    timeoutMs: number,
  ): Promise<ForwardedAnswer> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.key) headers['authorization'] = `Bearer ${this.key}`;
    if (method === 'POST') headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl + path, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      this.logger.warn(`${method} ${path} to the gateway failed: ${(error as Error).message}`);
      return {
        status: timedOut ? 504 : 502,
        body: {
          statusCode: timedOut ? 504 : 502,
          error: timedOut ? 'Gateway Timeout' : 'Bad Gateway',
          message: timedOut
            ? 'the gateway did not answer in time'
            : 'the gateway cannot be reached',
        },
      };
    }
    if (response.status === 401 || response.status === 403)
      this.logger.error(
        `the gateway refused the dashboard's key (HTTP ${response.status}): check DASHBOARD_API_KEY and its scopes`,
      );
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = {
        statusCode: 502,
        error: 'Bad Gateway',
        message: `the gateway answered HTTP ${response.status}`,
      };
    }
    return {
      status: response.status,
      body: parsed,
      retryAfter: response.headers.get('retry-after') ?? undefined,
    };
  }
}
