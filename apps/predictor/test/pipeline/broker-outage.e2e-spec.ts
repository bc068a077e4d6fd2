import { PredictionStatus } from '@sibyl/contracts';
import { type ChildApp, DEFAULT_RABBITMQ_URL, endpointOf, TcpProxy, waitFor } from '@sibyl/testing';
import { GatewayClient } from '../support/gateway.client';
import { PredictionFixture } from '../support/prediction.fixture';
import { SAMPLE_TEXTS } from '../support/test-model';

/**
 * The broker unreachable from the gateway (its connection cut by a proxy the test controls; the shared RabbitMQ
 * keeps running): requests are still accepted and stored, and complete once the broker is reachable again.
 */
describe('pipeline: broker unreachable from the gateway', () => {
  let fx: PredictionFixture;
  let proxy: TcpProxy;
  let gateway: ChildApp;
  let api: GatewayClient;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pipe-broker');
    const broker = endpointOf(process.env.RABBITMQ_URL ?? DEFAULT_RABBITMQ_URL, 5672);
    proxy = new TcpProxy(broker.host, broker.port);
    await proxy.start();
    const viaProxy = new URL(fx.rabbitUrl);
    viaProxy.host = proxy.address;
    await fx.startPredictor('predictor');
    gateway = await fx.startGateway({ RABBITMQ_URL: viaProxy.toString().replace(/\/$/, '') });
    api = new GatewayClient(gateway.url, await fx.apiKey());
  });
  afterAll(async () => {
    proxy?.restore();
    await fx?.dispose();
    await proxy?.stop();
  });

  it('accepts requests while the broker is unreachable and completes them after it returns', async () => {
    proxy.cut();
    // The broker does not gate the gateway's readiness (it keeps accepting); it reports it.
    await waitFor(
      async () => {
        const response = await fetch(`${gateway.url}/health/ready`);
        const body = (await response.json()) as { broker?: { connected: boolean } };
        return response.status === 200 && body.broker?.connected === false;
      },
      { description: 'the gateway to notice the broker is gone (and stay ready)' },
    );

    const accepted = [];
    for (const sample of SAMPLE_TEXTS) {
      const response = await api.submit(sample.text);
      expect(response.status).toBe(202);
      accepted.push({ id: response.body.trackingId, language: sample.language });
    }
    const ids = accepted.map((a) => a.id);
    // stored, but nothing can reach a predictor while the broker is unreachable
    expect(await fx.records.countDocuments({ _id: { $in: ids } })).toBe(ids.length);
    expect((await fx.find(ids)).size).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await fx.count(PredictionStatus.Done)).toBe(0);

    proxy.restore();
    const docs = await fx.waitFinished(ids, 60_000);
    for (const { id, language } of accepted) {
      expect(docs.get(id)).toMatchObject({ status: 'done', language });
    }
    const { body } = await api.get(ids[0]);
    expect(body.status).toBe('done');
  });
});
