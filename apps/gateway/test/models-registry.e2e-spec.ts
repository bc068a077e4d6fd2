// The registry endpoints of a real gateway against the real database and broker: admin scope,
// promotion through the gate (409 with per-language deltas), forced promotion, rollback, the key
// recorded as the actor, and model.promoted.v1 published after each change.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApiKey } from '@sibyl/auth/testing';
import { parseModelPromotedV1, type ModelPromotedV1 } from '@sibyl/contracts';
import { ModelRegistry, type ModelMetrics, type ModelRecord } from '@sibyl/registry';
import { waitFor, workspaceRoot } from '@sibyl/testing';
import { connect, type ChannelModel } from 'amqplib';
import { RABBITMQ_URL, startGateway, type RunningGateway } from './gateway.harness';

const MODEL = join(workspaceRoot(), 'models/langid/langid.model');

function metrics(heldOutAccuracy: number, perLanguageF1: Record<string, number>): ModelMetrics {
  return { heldOutAccuracy, macroF1: heldOutAccuracy, perLanguageF1 };
}

describe('/v1/models (registry endpoints)', () => {
  let gateway: RunningGateway;
  let broker: ChannelModel;
  const events: ModelPromotedV1[] = [];
  let good: ModelRecord;
  let worse: ModelRecord;

  beforeAll(async () => {
    gateway = await startGateway({ PROMOTION_MAX_ACCURACY_DROP: '0.002' });
    const db = gateway.db.db;
    if (!db) throw new Error('the gateway has no database');
    const registry = new ModelRegistry(db);
    const bytes = readFileSync(MODEL);
    const meta = (m: ModelMetrics) => ({
      provenance: { corpusHash: 'c'.repeat(64), options: {}, commit: 'e2e' },
      metrics: m,
      actor: 'gateway-e2e',
    });
    good = await registry.add(bytes, meta(metrics(0.96, { hr: 0.9, sv: 0.97 })));
    worse = await registry.add(
      Buffer.concat([bytes, Buffer.from('worse')]),
      meta(metrics(0.9, { hr: 0.7, sv: 0.97 })),
    );
    broker = await connect(RABBITMQ_URL);
    const channel = await broker.createChannel();
    await channel.assertExchange(gateway.names.modelEventsExchange, 'fanout', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, gateway.names.modelEventsExchange, '');
    await channel.consume(queue, (message) => {
      const parsed = message && parseModelPromotedV1(message.content);
      if (parsed?.ok) events.push(parsed.value);
    });
  });

  afterAll(async () => {
    await broker?.close();
    await gateway?.close();
  });

  const promote = (version: string, body: unknown = {}) =>
    gateway.postJson(`${gateway.url}/v1/models/${version}/promote`, body);

  it('needs the admin scope', async () => {
    const reader = await createTestApiKey(gateway.env.MONGODB_URI, { scopes: ['read'] });
    const headers = { authorization: `Bearer ${reader.key}` };
    expect((await fetch(`${gateway.url}/v1/models`, { headers })).status).toBe(403);
    expect((await fetch(`${gateway.url}/v1/models`)).status).toBe(401);
  });

  it('lists and shows versions; 404 for an unknown one, 400 for a malformed one', async () => {
    const list = (await (await gateway.fetch(`${gateway.url}/v1/models`)).json()) as {
      items: ModelRecord[];
    };
    expect(list.items.map((r) => r.version).sort()).toEqual([good.version, worse.version].sort());
    const shown = await gateway.fetch(`${gateway.url}/v1/models/${good.version}`);
    expect(shown.status).toBe(200);
    expect(await shown.json()).toEqual(expect.objectContaining({ sha256: good.sha256 }));
    const missing = await gateway.fetch(`${gateway.url}/v1/models/langid-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(
      expect.objectContaining({ message: 'no model langid-000000000000 in the registry' }),
    );
    expect((await gateway.fetch(`${gateway.url}/v1/models/bad%20version`)).status).toBe(400);
  });

  it('promotes, refuses a worse model with 409 and deltas, forces with a reason, rolls back', async () => {
    const first = await promote(good.version);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual(
      expect.objectContaining({ action: 'promote', previousVersion: null, announced: true }),
    );

    const refused = await promote(worse.version);
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as {
      message: string;
      margin: number;
      deltas: { heldOutAccuracy: number; perLanguageF1: Record<string, number> };
    };
    expect(body.message).toMatch(/refused: held-out accuracy -0\.0600/);
    expect(body.margin).toBe(0.002);
    expect(body.deltas.perLanguageF1.hr).toBeCloseTo(-0.2, 10);

    expect((await promote(worse.version, { force: true })).status).toBe(400);
    expect((await promote(worse.version, { force: 'yes' })).status).toBe(400);
    const forced = await promote(worse.version, { force: true, reason: 'e2e override' });
    expect(forced.status).toBe(200);
    expect(await forced.json()).toEqual(expect.objectContaining({ forced: true }));
    expect((await promote(worse.version)).status).toBe(409); // already live

    const back = await gateway.postJson(`${gateway.url}/v1/models/rollback`, {
      reason: 'e2e rollback',
    });
    expect(back.status).toBe(200);
    const record = (await (
      await gateway.fetch(`${gateway.url}/v1/models/${good.version}`)
    ).json()) as ModelRecord;
    expect(record.status).toBe('live');
    expect(record.changelog.at(-1)).toEqual(
      expect.objectContaining({
        action: 'rolled-back',
        reason: 'e2e rollback',
        actor: expect.stringMatching(/^key:test-[0-9a-f]+ \([0-9a-f]{12}\)$/),
      }),
    );

    await waitFor(() => events.length >= 3, { timeoutMs: 10000, description: 'three events' });
    expect(events.map((e) => [e.action, e.version])).toEqual([
      ['promote', good.version],
      ['promote', worse.version],
      ['rollback', good.version],
    ]);
  });
});
