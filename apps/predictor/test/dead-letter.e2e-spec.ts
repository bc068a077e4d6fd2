import { DEAD_LETTER_REASON_HEADER, MessagingV1, PredictionStatus } from '@sibyl/contracts';
import { type ChildApp, waitFor } from '@sibyl/testing';
import type { GetMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { PredictionFixture } from './support/prediction.fixture';
import { SAMPLE_TEXTS } from './support/test-model';

/** (a) Garbage published straight to the requests queue ends in the dead-letter queue with a reason. */
describe('predictor: malformed messages are dead-lettered', () => {
  let fx: PredictionFixture;
  let predictor: ChildApp;

  beforeAll(async () => {
    fx = await PredictionFixture.create('pred-dlq');
    predictor = await fx.startPredictor('predictor');
  });
  afterAll(() => fx?.dispose());

  const collect = async (count: number): Promise<GetMessage[]> => {
    const letters: GetMessage[] = [];
    await waitFor(
      async () => (letters.push(...(await fx.takeDeadLetters())), letters.length >= count),
      {
        timeoutMs: 20_000,
        description: `${count} dead letters`,
      },
    );
    return letters;
  };

  /**
   * `sibyl_dead_lettered_total{reason}` once it reached `expected`: a delivery is counted when it is settled, just
   * after its dead letter is confirmed, so the letter can be taken from the queue a moment before it is counted.
   */
  const deadLettered = async (reason: string, expected: number): Promise<number> => {
    const count = () => predictor.metric('sibyl_dead_lettered_total', { reason });
    await waitFor(async () => (await count()) >= expected, {
      timeoutMs: 10_000,
      description: `${expected} dead letters counted as ${reason}`,
    });
    return count();
  };

  it('dead-letters each kind of garbage with its reason and keeps predicting good messages', async () => {
    const garbage = [
      {
        id: randomUUID(),
        body: Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00]),
        type: undefined,
        reason: /not JSON/,
      },
      {
        id: randomUUID(),
        body: Buffer.from('{"v":1,"trackingId":"x"'),
        type: MessagingV1.PredictionRequested,
        reason: /not JSON/,
      },
      {
        id: randomUUID(),
        body: Buffer.from('[1,2,3]'),
        type: MessagingV1.PredictionRequested,
        reason: /not a JSON object/,
      },
      {
        id: randomUUID(),
        body: Buffer.from(
          JSON.stringify({
            v: 1,
            trackingId: 'not-a-uuid',
            text: '',
            submittedAt: 'x',
            attempt: 0,
          }),
        ),
        type: MessagingV1.PredictionRequested,
        reason: /trackingId.*text|text.*trackingId/,
      },
      {
        id: randomUUID(),
        body: Buffer.from('{}'),
        type: 'invoice.paid.v3',
        reason: /no handler for message type "invoice\.paid\.v3"/,
      },
    ];
    for (const g of garbage) {
      await fx.publishRaw(g.body, {
        messageId: g.id,
        type: g.type,
        headers: { 'x-test': 'garbage' },
      });
    }
    const [good] = await fx.insertQueued([SAMPLE_TEXTS[0].text]);
    await fx.publishRequested(good);

    const letters = await collect(garbage.length);
    expect(letters).toHaveLength(garbage.length);
    for (const g of garbage) {
      const letter = letters.find((l) => l.properties.messageId === g.id);
      expect(letter).toBeDefined();
      expect(letter?.content.equals(g.body)).toBe(true);
      expect(String(letter?.properties.headers?.[DEAD_LETTER_REASON_HEADER])).toMatch(g.reason);
      expect(letter?.properties.headers?.['x-test']).toBe('garbage');
      expect(letter?.properties.deliveryMode).toBe(2);
    }

    const docs = await fx.waitFinished([good.trackingId]);
    expect(docs.get(good.trackingId)).toMatchObject({
      status: PredictionStatus.Done,
      language: 'sv',
    });
    expect(predictor.running).toBe(true);
    expect(await deadLettered('malformed', 4)).toBe(4);
    expect(await deadLettered('unknown_type', 1)).toBe(1);
    await waitFor(async () => (await fx.readyCount()) === 0, {
      description: 'an empty requests queue',
    });
  });

  it('garbage interleaved with good messages does not disturb them', async () => {
    const good = await fx.insertQueued(SAMPLE_TEXTS.map((s) => s.text));
    for (const [index, message] of good.entries()) {
      await fx.publishRaw(`garbage #${index}`, { type: MessagingV1.PredictionRequested });
      await fx.publishRequested(message);
    }
    const docs = await fx.waitFinished(good.map((m) => m.trackingId));
    good.forEach((message, index) =>
      expect(docs.get(message.trackingId)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[index].language,
      }),
    );
    expect(await collect(good.length)).toHaveLength(good.length);
    expect(predictor.running).toBe(true);
  });

  it('a valid-looking 20 MiB message is dead-lettered unparsed as oversized; its batch-mates are done', async () => {
    const mates = await fx.insertQueued(SAMPLE_TEXTS.map((s) => s.text));
    const [huge] = await fx.insertQueued(['x']);
    const hugeMessage = { ...huge, text: 'ab '.repeat(7 * 1024 * 1024) };
    await fx.publishRequested(mates[0]);
    await fx.publishRequested(hugeMessage);
    for (const mate of mates.slice(1)) await fx.publishRequested(mate);

    const [letter] = await collect(1);
    expect(letter.properties.messageId).toBe(huge.trackingId);
    expect(String(letter.properties.headers?.[DEAD_LETTER_REASON_HEADER])).toMatch(
      /body of \d+ bytes exceeds MAX_MESSAGE_BYTES \(1048576\)/,
    );
    const docs = await fx.waitFinished(mates.map((m) => m.trackingId));
    mates.forEach((mate, index) =>
      expect(docs.get(mate.trackingId)).toMatchObject({
        status: 'done',
        language: SAMPLE_TEXTS[index].language,
      }),
    );
    expect(await deadLettered('oversized', 1)).toBe(1);
    expect(predictor.running).toBe(true);
  });

  it('a well-formed message whose request document is missing is still predicted and acknowledged', async () => {
    // The predictor trusts the broker: it does not read the request document per message (that would
    // cost a lookup per prediction). Such a message can only come from outside the gateway.
    const ghost = {
      v: 1 as const,
      trackingId: randomUUID(),
      text: SAMPLE_TEXTS[1].text,
      submittedAt: new Date().toISOString(),
      attempt: 1,
    };
    await fx.publishRequested(ghost);
    const results = await fx.waitFinished([ghost.trackingId]);
    expect(results.get(ghost.trackingId)).toMatchObject({
      status: 'done',
      language: SAMPLE_TEXTS[1].language,
    });
    expect(await fx.records.countDocuments({ _id: ghost.trackingId })).toBe(0);
    expect(await fx.takeDeadLetters()).toEqual([]);
  });
});
