import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import { messagingNames, MessagingNames } from '@sibyl/contracts';
import { PredictionPublisher } from '@sibyl/amqp';
import { createTestApiKey } from '@sibyl/auth/testing';
import { deletePredictionTopology } from '@sibyl/amqp/testing';
import {
  DEFAULT_MONGODB_URI,
  DEFAULT_RABBITMQ_URL,
  TcpProxy,
  uniqueMongoUri,
  uniqueNamespace,
} from '@sibyl/testing';
import type { Connection } from 'mongoose';
import { createGatewayApp } from '../src/gateway.app';

/** The real RabbitMQ and database of the machine (never stopped by tests). */
export const RABBITMQ_URL = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
export const MONGODB_URI = process.env.MONGODB_URI ?? DEFAULT_MONGODB_URI;

/** A gateway listening on a free port, with its own broker namespace and database. */
export interface RunningGateway {
  app: INestApplication;
  url: string;
  names: MessagingNames;
  env: Record<string, string>;
  /** The gateway's own Mongoose connection (for assertions on stored documents). */
  db: Connection;
  /** An API key with every scope and no practical rate limit (absent with AUTH=off). */
  key?: string;
  /** `fetch` with the key's `Authorization` header (unless the call sets its own). */
  fetch(url: string, init?: RequestInit): Promise<Response>;
  /** {@link postJson} with the key's `Authorization` header. */
  postJson(url: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Closes the app; with `cleanUp`, also drops its database and broker namespace. */
  close(options?: { cleanUp?: boolean }): Promise<void>;
}

/** Requests per second of the harness key: high enough never to be the limit of a suite. */
const HARNESS_RATE_LIMIT = 1_000_000;

/**
 * Starts a gateway; `env` overrides the isolated defaults (namespace, database, quiet logs). Unless
 * AUTH=off, an all-scope key is created in its database first (`key`, `fetch`, `postJson`).
 */
export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const settings: Record<string, string> = {
    AMQP_NAMESPACE: uniqueNamespace('gw'),
    MONGODB_URI: uniqueMongoUri(MONGODB_URI),
    RABBITMQ_URL,
    LOG_LEVEL: 'error',
    ...env,
  };
  const key =
    settings.AUTH === 'off'
      ? undefined
      : (await createTestApiKey(settings.MONGODB_URI, { rateLimit: HARNESS_RATE_LIMIT })).key;
  const authorized = (headers?: RequestInit['headers']): Headers => {
    const merged = new Headers(headers);
    if (key && !merged.has('authorization')) merged.set('authorization', `Bearer ${key}`);
    return merged;
  };
  const app = await createGatewayApp(settings);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const names = messagingNames(settings.AMQP_NAMESPACE);
  const db = app.get<Connection>(getConnectionToken());
  await app.get(PredictionPublisher).waitForConnect();
  return {
    app,
    url,
    names,
    env: settings,
    db,
    key,
    fetch: (target, init = {}) => fetch(target, { ...init, headers: authorized(init.headers) }),
    postJson: (target, body, headers = {}) =>
      postJson(target, body, Object.fromEntries(authorized(headers).entries())),
    async close({ cleanUp = true } = {}) {
      if (cleanUp) await db.dropDatabase().catch(() => undefined);
      await app.close();
      if (cleanUp) await deletePredictionTopology(RABBITMQ_URL, names);
    },
  };
}

/** POSTs a JSON body (a string is sent as is, so tests can send malformed JSON). */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A gateway whose broker connection runs through a proxy the test can cut. */
export interface GatewayBehindBrokerProxy {
  proxy: TcpProxy;
  gateway: RunningGateway;
}

/**
 * Starts a gateway connected to the broker through a {@link TcpProxy}, publishing with a 1 s confirm
 * timeout and a 200 ms relay and never republishing by sweep during a test; `env` adds settings.
 */
async function startGatewayBehindBrokerProxy(
  env: Record<string, string> = {},
): Promise<GatewayBehindBrokerProxy> {
  const proxy = new TcpProxy('127.0.0.1', Number(new URL(RABBITMQ_URL).port || 5672));
  const port = await proxy.start();
  try {
    const gateway = await startGateway({
      RABBITMQ_URL: viaProxy(RABBITMQ_URL, port),
      PUBLISH_TIMEOUT_MS: '1000',
      OUTBOX_INTERVAL_MS: '200',
      OUTBOX_REPUBLISH_AFTER_MS: '600000',
      ...env,
    });
    return { proxy, gateway };
  } catch (error) {
    await proxy.stop();
    throw error;
  }
}

/**
 * Registers the suite's hooks around {@link startGatewayBehindBrokerProxy}: the returned object holds
 * the proxy and the gateway once `beforeAll` ran; `afterAll` restores the proxy (a test may end with
 * it cut), closes the gateway and stops the proxy, whatever the tests did.
 */
export function gatewayBehindBrokerProxy(
  env: Record<string, string> = {},
): GatewayBehindBrokerProxy {
  return proxiedGatewayHooks(() => startGatewayBehindBrokerProxy(env));
}

/** A gateway whose database connection runs through a proxy the test can cut or hold. */
export type GatewayBehindDatabaseProxy = GatewayBehindBrokerProxy;

/**
 * {@link gatewayBehindBrokerProxy} for the database: the gateway reaches its own database through a
 * {@link TcpProxy}; `afterAll` restores and releases the proxy, closes the gateway, stops the proxy.
 */
export function gatewayBehindDatabaseProxy(
  env: Record<string, string> = {},
): GatewayBehindDatabaseProxy {
  return proxiedGatewayHooks(async () => {
    const target = new URL(MONGODB_URI);
    const proxy = new TcpProxy(target.hostname, Number(target.port || 27017));
    const port = await proxy.start();
    try {
      const gateway = await startGateway({
        MONGODB_URI: viaProxy(uniqueMongoUri(MONGODB_URI), port),
        ...env,
      });
      return { proxy, gateway };
    } catch (error) {
      await proxy.stop();
      throw error;
    }
  });
}

/** The hooks of a gateway behind a proxy: start in `beforeAll`; restore, close, stop in `afterAll`. */
function proxiedGatewayHooks(
  start: () => Promise<GatewayBehindBrokerProxy>,
): GatewayBehindBrokerProxy {
  const stack = {} as GatewayBehindBrokerProxy;
  beforeAll(async () => {
    Object.assign(stack, await start());
  });
  afterAll(async () => {
    stack.proxy?.restore();
    stack.proxy?.release();
    await stack.gateway?.close();
    await stack.proxy?.stop();
  });
  return stack;
}

/** The URL with the host replaced by `host:port` (to route a service through a TcpProxy). */
export function viaProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}
