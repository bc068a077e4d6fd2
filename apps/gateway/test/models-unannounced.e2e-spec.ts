// A promotion and a rollback made over REST while the broker is unreachable: the change stands in
// the database, the answer says model.promoted.v1 was not published and that predictors pick the
// live model up at their MODEL_RECHECK_INTERVAL_MS re-check, and the failure is counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelRegistry, type ModelMetrics, type ModelRecord } from '@sibyl/registry';
import { workspaceRoot } from '@sibyl/testing';
import { connect, type ChannelModel } from 'amqplib';
import { gatewayBehindBrokerProxy, RABBITMQ_URL } from './gateway.harness';

const MODEL = join(workspaceRoot(), 'models/langid/langid.model');
const METRIC = 'sibyl_model_event_publish_failures_total';

function metrics(heldOutAccuracy: number): ModelMetrics {
  return { heldOutAccuracy, macroF1: heldOutAccuracy, perLanguageF1: { hr: heldOutAccuracy } };
}

describe('/v1/models while model.promoted.v1 cannot be published', () => {
  const stack = gatewayBehindBrokerProxy();
  let registry: ModelRegistry;
  let broker: ChannelModel;
  let first: ModelRecord;
  let second: ModelRecord;

  beforeAll(async () => {
    const db = stack.gateway.db.db;
    if (!db) throw new Error('the gateway has no database');
    registry = new ModelRegistry(db);
    const bytes = readFileSync(MODEL);
    const meta = (m: ModelMetrics) => ({
      provenance: { corpusHash: 'c'.repeat(64), options: {}, commit: 'e2e' },
      metrics: m,
      actor: 'gateway-e2e',
    });
    first = await registry.add(bytes, meta(metrics(0.95)));
    second = await registry.add(Buffer.concat([bytes, Buffer.from('second')]), meta(metrics(0.96)));
    // A listening "predictor" queue: the event is published mandatory, so an unbound exchange
    // would refuse it too.
    broker = await connect(RABBITMQ_URL);
    const channel = await broker.createChannel();
    await channel.assertExchange(stack.gateway.names.modelEventsExchange, 'fanout', {
      durable: true,
    });
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, stack.gateway.names.modelEventsExchange, '');
  });

  afterAll(async () => {
    await broker?.close();
  });

  const failures = async (action: string): Promise<number> => {
    const text = await (await stack.gateway.fetch(`${stack.gateway.url}/metrics`)).text();
    const line = new RegExp(`^${METRIC}\\{action="${action}"\\} (\\d+)$`, 'm').exec(text);
    return line ? Number(line[1]) : 0;
  };

  it('keeps the promotion and the rollback, says predictors re-check, and counts each failure', async () => {
    const announced = await stack.gateway.postJson(
      `${stack.gateway.url}/v1/models/${first.version}/promote`,
      {},
    );
    expect(announced.status).toBe(200);
    expect(await announced.json()).toEqual(expect.objectContaining({ announced: true }));
    expect(await failures('promote')).toBe(0);

    stack.proxy.cut();
    const promoted = await stack.gateway.postJson(
      `${stack.gateway.url}/v1/models/${second.version}/promote`,
      {},
    );
    expect(promoted.status).toBe(200);
    const body = (await promoted.json()) as {
      announced: boolean;
      announceError: string;
      warning: string;
    };
    expect(body.announced).toBe(false);
    expect(body.announceError).toEqual(expect.any(String));
    expect(body.warning).toContain(
      `${second.version} is live, but model.promoted.v1 was not published (${body.announceError})`,
    );
    expect(body.warning).toMatch(
      /periodic re-check .*within MODEL_RECHECK_INTERVAL_MS \(default 30 s\)/,
    );
    expect((await registry.live())?.version).toBe(second.version);
    expect(await failures('promote')).toBe(1);

    const back = await stack.gateway.postJson(`${stack.gateway.url}/v1/models/rollback`, {
      reason: 'e2e: broker down',
    });
    expect(back.status).toBe(200);
    expect(await back.json()).toEqual(
      expect.objectContaining({ action: 'rollback', announced: false }),
    );
    expect((await registry.live())?.version).toBe(first.version);
    expect(await failures('rollback')).toBe(1);
  });
});
