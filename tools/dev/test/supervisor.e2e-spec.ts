import { deletePredictionTopology } from '@sibyl/amqp/testing';
import { createTestApiKey } from '@sibyl/auth/testing';
import { messagingNames } from '@sibyl/contracts';
import { TINY_CORPUS, trainTinyModel } from '@sibyl/model/testing';
import {
  DEFAULT_RABBITMQ_URL,
  dropTestDatabase,
  freePort,
  uniqueMongoUri,
  uniqueNamespace,
  waitFor,
} from '@sibyl/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess } from '../src/app-process';
import { Supervisor } from '../src/supervisor/supervisor';

const TEXTS = Object.values(TINY_CORPUS).flat();

/**
 * `npm start`'s supervision on a real stack (the built gateway and two predictors, the real
 * RabbitMQ and FerretDB, a unique namespace and database): a predictor SIGKILLed while it
 * holds work is restarted with back-off, the gateway keeps accepting meanwhile, and every
 * accepted request ends done.
 */
describe('npm start supervision (e2e)', () => {
  const rabbitUrl = process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL;
  const namespace = uniqueNamespace('supervise');
  const mongoUri = uniqueMongoUri();
  const output: string[] = [];
  const lines: string[] = [];
  let dir: string;
  let gatewayUrl: string;
  let apps: AppProcess[];
  let supervisor: Supervisor;
  let headers: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sibyl-supervise-e2e-'));
    const modelPath = join(dir, 'langid.model');
    await trainTinyModel({ save: modelPath });
    const common = {
      RABBITMQ_URL: rabbitUrl,
      MONGODB_URI: mongoUri,
      AMQP_NAMESPACE: namespace,
      LOG_LEVEL: 'warn',
    };
    const gatewayPort = await freePort();
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const write = (line: string): void => void output.push(line);
    apps = [
      new AppProcess(
        'gateway',
        'dist/apps/gateway/main.js',
        { ...common, GATEWAY_PORT: String(gatewayPort) },
        `${gatewayUrl}/health/ready`,
        write,
      ),
    ];
    for (const name of ['predictor-1', 'predictor-2']) {
      const port = await freePort();
      apps.push(
        new AppProcess(
          name,
          'dist/apps/predictor/main.js',
          { ...common, PREDICTOR_PORT: String(port), MODEL_PATH: modelPath, BATCH_MAX_SIZE: '8' },
          `http://127.0.0.1:${port}/health/ready`,
          write,
        ),
      );
    }
    supervisor = new Supervisor(apps, {
      log: (line) => lines.push(line),
      backoff: { initialMs: 500, maxMs: 5000, factor: 2, stableAfterMs: 60_000 },
    });
    // the gateway enforces API keys: the test's traffic uses a real one, stored in its database
    const { key } = await createTestApiKey(mongoUri, { scopes: ['predict', 'read'] });
    headers = { 'content-type': 'application/json', authorization: `Bearer ${key}` };
    supervisor.start();
    try {
      await Promise.all(apps.map((app) => app.ready(90_000)));
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${output.slice(-40).join('')}`);
    }
  });

  afterAll(async () => {
    await supervisor?.stop();
    // Every queue and exchange the apps declared (the models and completed exchanges too), then the database.
    const left = await deletePredictionTopology(rabbitUrl, messagingNames(namespace));
    if (left.length > 0) console.warn(`left on the broker: ${left.join('; ')}`);
    await dropTestDatabase(mongoUri);
    rmSync(dir, { recursive: true, force: true });
  });

  async function submit(count: number, offset: number): Promise<string[]> {
    const texts = Array.from({ length: count }, (_, i) => TEXTS[(offset + i) % TEXTS.length]);
    const res = await fetch(`${gatewayUrl}/v1/predictions/batch`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ texts }),
    });
    expect(res.status).toBe(202);
    const body = (await res.json()) as { items: { trackingId: string }[] };
    return body.items.map((item) => item.trackingId);
  }

  async function statuses(ids: string[]): Promise<Map<string, string>> {
    const res = await fetch(`${gatewayUrl}/v1/predictions/lookup`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ trackingIds: ids }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { trackingId: string; status: string }[] };
    return new Map(body.items.map((item) => [item.trackingId, item.status]));
  }

  it('restarts a SIGKILLed predictor with back-off while the rest keeps serving; all work is done', async () => {
    const victim = apps[2];
    const pid = victim.pid;
    if (pid === undefined) throw new Error('predictor-2 is not running');
    const restarted = new Promise<void>((resolve) =>
      supervisor.onRestart((name) => name === victim.name && resolve()),
    );
    const ids = [...(await submit(400, 0)), ...(await submit(400, 400))];
    process.kill(pid, 'SIGKILL');

    // the gateway keeps accepting while the predictor is down
    ids.push(...(await submit(200, 800)));
    await restarted;
    expect(victim.pid).toBeDefined();
    expect(victim.pid).not.toBe(pid);
    await victim.ready(90_000);
    expect(supervisor.restartCounts()).toEqual({ gateway: 0, 'predictor-1': 0, 'predictor-2': 1 });
    expect(lines.join('\n')).toMatch(
      /predictor-2 exited with signal SIGKILL after [\d.]+ s; restarting in 0\.5 s/,
    );
    ids.push(...(await submit(100, 1000)));

    let last = new Map<string, string>();
    await waitFor(
      async () => {
        last = new Map();
        for (let i = 0; i < ids.length; i += 1000)
          for (const [id, status] of await statuses(ids.slice(i, i + 1000))) last.set(id, status);
        return ids.every((id) => last.get(id) === 'done');
      },
      { timeoutMs: 180_000, intervalMs: 1000, description: 'every accepted request done' },
    ).catch((error: Error) => {
      const counts: Record<string, number> = {};
      for (const id of ids)
        counts[last.get(id) ?? 'unknown'] = (counts[last.get(id) ?? 'unknown'] ?? 0) + 1;
      throw new Error(`${error.message}: ${JSON.stringify(counts)}\n${output.slice(-30).join('')}`);
    });
    expect(ids).toHaveLength(1100);
    // the others were never restarted: nothing but predictor-2 went down
    expect(supervisor.restartCounts().gateway).toBe(0);
  });
});
