import {
  Controller,
  ExecutionContext,
  Get,
  HttpException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import type { KeyVerifier, VerifiedKey } from '../keys/key-verifier';
import { resolveAuthOptions } from '../module/auth-module-options.interface';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { ApiKeyGuard, bearerToken } from './api-key.guard';
import { Public, RequireScopes, requestKey } from './auth.decorators';

@Controller()
class Routes {
  @Get() @Public() health(): string {
    return 'health';
  }
  @Get() @RequireScopes('predict') submit(): string {
    return 'submit';
  }
  @Get() @RequireScopes('metrics') metrics(): string {
    return 'metrics';
  }
  @Get() undeclared(): string {
    return 'undeclared';
  }
}

const alice: VerifiedKey = { id: 'a'.repeat(64), name: 'alice', scopes: ['predict'], rateLimit: 1 };
const admin: VerifiedKey = { id: 'b'.repeat(64), name: 'ops', scopes: ['admin'] };

/** Inherits `undeclared`; its class-level scope applies to it here, not in {@link Routes}. */
@Controller()
@RequireScopes('metrics')
class MetricsRoutes extends Routes {}

function setup(enabled = true, reflector = new Reflector()) {
  const headers: Record<string, string> = {};
  const verifier = {
    verify: jest.fn(async (key: string) => ({ alice, admin })[key] ?? null),
  } as unknown as KeyVerifier;
  const adapterHost = {
    httpAdapter: {
      setHeader: (_r: unknown, name: string, value: string) => (headers[name] = value),
    },
  } as unknown as HttpAdapterHost;
  const guard = new ApiKeyGuard(
    reflector,
    adapterHost,
    resolveAuthOptions({
      enabled,
      rateLimit: { perSecond: 100, burst: 200 },
      unauthenticatedPerMinute: 2,
    }),
    verifier,
    new RateLimiter(),
    new RateLimiter(),
  );
  const run = async (
    handler: keyof Routes,
    authorization?: string,
    ip = '10.0.0.1',
    controller: typeof Routes = Routes,
  ) => {
    const request = { headers: { authorization }, socket: { remoteAddress: ip } };
    const context = {
      getType: () => 'http',
      getHandler: () => controller.prototype[handler],
      getClass: () => controller,
      switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
    } as unknown as ExecutionContext;
    return { allowed: await guard.canActivate(context), request };
  };
  const status = (promise: Promise<unknown>) =>
    promise.then(
      () => 200,
      (error: HttpException) => error.getStatus(),
    );
  return { run, status, headers, verifier };
}

describe('ApiKeyGuard', () => {
  it('opens @Public routes and non-HTTP handlers without a key', async () => {
    const { run } = setup();
    expect((await run('health')).allowed).toBe(true);
  });

  it('answers 401 with the Bearer challenge to a missing or unknown key', async () => {
    const { run, status, headers } = setup();
    expect(await status(run('submit'))).toBe(401);
    expect(headers['WWW-Authenticate']).toBe('Bearer realm="sibyl"');
    expect(await status(run('submit', 'Bearer nope'))).toBe(401);
  });

  it('answers 503 when the key cannot be verified, or the answer its deadline chose', async () => {
    const { run, status, verifier } = setup();
    (verifier.verify as jest.Mock).mockRejectedValueOnce(new Error('database down'));
    await expect(run('submit', 'Bearer alice')).rejects.toThrow(
      'cannot verify the API key now; retry later',
    );
    const chosen = new ServiceUnavailableException('database did not answer within 500 ms');
    (verifier.verify as jest.Mock).mockRejectedValueOnce(chosen);
    await expect(run('submit', 'Bearer alice')).rejects.toBe(chosen);
    expect(await status(run('submit', 'Bearer alice'))).toBe(200);
  });

  it('checks scopes (admin grants metrics) and fails closed on undeclared routes', async () => {
    const { run, status } = setup();
    const { request } = await run('submit', 'Bearer alice');
    expect(requestKey(request)).toBe(alice);
    expect(await status(run('metrics', 'Bearer alice'))).toBe(403);
    expect(await status(run('metrics', 'Bearer admin'))).toBe(200);
    expect(await status(run('undeclared', 'Bearer alice'))).toBe(403);
    expect(await status(run('undeclared', 'Bearer admin'))).toBe(200);
  });

  it("applies the key's own rate (burst scaled alike) with RateLimit headers", async () => {
    const { run, status, headers } = setup();
    expect(await status(run('submit', 'Bearer alice'))).toBe(200);
    expect(headers['RateLimit-Limit']).toBe('2');
    expect(await status(run('submit', 'Bearer alice'))).toBe(200);
    expect(await status(run('submit', 'Bearer alice'))).toBe(429);
    expect(headers['Retry-After']).toBe('1');
  });

  it('limits attempts without a valid key per client address', async () => {
    const { run, status } = setup();
    expect(await status(run('submit', undefined, '10.9.9.9'))).toBe(401);
    expect(await status(run('submit', undefined, '10.9.9.9'))).toBe(401);
    expect(await status(run('submit', undefined, '10.9.9.9'))).toBe(429);
    expect(await status(run('submit', undefined, '10.8.8.8'))).toBe(401);
    expect(await status(run('submit', 'Bearer alice', '10.9.9.9'))).toBe(200);
  });

  it('with AUTH=off acts as an anonymous key holding every scope', async () => {
    const { run, verifier } = setup(false);
    const { request } = await run('metrics');
    expect(requestKey(request)).toMatchObject({ anonymous: true });
    expect(verifier.verify).not.toHaveBeenCalled();
  });

  it("reads a route's metadata once per controller and handler", async () => {
    const reflector = new Reflector();
    const read = jest.spyOn(reflector, 'getAllAndOverride');
    const { run, status } = setup(true, reflector);
    expect(await status(run('submit', 'Bearer alice'))).toBe(200);
    const reads = read.mock.calls.length;
    expect(await status(run('submit', 'Bearer alice'))).toBe(200);
    expect(await status(run('health'))).toBe(200);
    expect(await status(run('health'))).toBe(200);
    expect(read.mock.calls.length).toBe(reads + 1);
    // The same inherited handler under another controller is that controller's route.
    expect(await status(run('undeclared', 'Bearer admin'))).toBe(200);
    expect(await status(run('undeclared', 'Bearer alice', '10.0.0.1', MetricsRoutes))).toBe(403);
    expect(await status(run('undeclared', 'Bearer admin', '10.0.0.1', MetricsRoutes))).toBe(200);
  });

  it('reads only the Bearer scheme', () => {
    expect(bearerToken('Bearer sk_x')).toBe('sk_x');
    expect(bearerToken('bearer  sk_x ')).toBe('sk_x');
    expect(bearerToken('Basic dXNlcg==')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
