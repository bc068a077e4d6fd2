import { encodePredictionRequestedV1, MessagingV1 } from '@sibyl/contracts';
import type { ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import type { ConfigService } from '@nestjs/config';
import type { PredictorEnvironment } from '../config/env.validation';
import type { PredictionService } from '../prediction/prediction.service';
import { StorageOutage } from '../prediction/storage-outage';
import { AmqpContext } from '../transport/amqp.context';
import type { AmqpStrategy } from '../transport/amqp.strategy';
import { PredictionConsumer } from './prediction.consumer';

describe('PredictionConsumer', () => {
  const predictions = {
    predict: jest.fn(async () => ({ action: 'ack' })),
    drain: jest.fn(async () => undefined),
  };
  const on = jest.fn();
  const strategy = { on, pauseConsuming: jest.fn(), resumeConsuming: jest.fn() };
  const maxMessageBytes = 4096;
  const outage = new StorageOutage({ isUnavailable: () => true, delaysMs: [1] });
  const consumer = new PredictionConsumer(
    predictions as unknown as PredictionService,
    strategy as unknown as AmqpStrategy,
    outage,
    { get: () => maxMessageBytes } as unknown as ConfigService<PredictorEnvironment, true>,
  );
  const context = (messageId?: string) =>
    new AmqpContext([
      { properties: { messageId } } as unknown as ConsumeMessage,
      MessagingV1.PredictionRequested,
    ]);
  const body = (trackingId = randomUUID()) =>
    encodePredictionRequestedV1({
      trackingId,
      text: 'Hej',
      submittedAt: new Date().toISOString(),
      attempt: 1,
    });

  beforeEach(() => jest.clearAllMocks());

  it('hands a valid request to the batcher and returns its disposition', async () => {
    const id = randomUUID();
    await expect(consumer.onPredictionRequested(body(id), context(id))).resolves.toEqual({
      action: 'ack',
    });
    expect(predictions.predict).toHaveBeenCalledWith(
      expect.objectContaining({ trackingId: id, text: 'Hej' }),
    );
  });

  it.each([
    ['garbage', Buffer.from('\u0000not json'), /not JSON/],
    [
      'a body without text',
      Buffer.from(JSON.stringify({ v: 1, trackingId: randomUUID() })),
      /text/,
    ],
  ])('dead-letters %s with the validation error as reason', async (_name, raw, reason) => {
    const disposition = await consumer.onPredictionRequested(raw, context());
    expect(disposition).toEqual({
      action: 'dead-letter',
      reason: expect.stringMatching(reason),
      category: 'malformed',
    });
    expect(predictions.predict).not.toHaveBeenCalled();
  });

  it('dead-letters a body whose trackingId differs from the messageId', async () => {
    const disposition = await consumer.onPredictionRequested(body(), context(randomUUID()));
    expect(disposition).toMatchObject({
      action: 'dead-letter',
      reason: expect.stringMatching(/does not match/),
    });
  });

  it('dead-letters an oversized body unparsed, with its size as reason', async () => {
    const huge = Buffer.alloc(maxMessageBytes + 1, 'a');
    const parse = jest.spyOn(JSON, 'parse');
    const disposition = await consumer.onPredictionRequested(huge, context());
    expect(disposition).toEqual({
      action: 'dead-letter',
      reason: `body of ${maxMessageBytes + 1} bytes exceeds MAX_MESSAGE_BYTES (${maxMessageBytes})`,
      category: 'oversized',
    });
    expect(parse).not.toHaveBeenCalled();
    expect(predictions.predict).not.toHaveBeenCalled();
    parse.mockRestore();
  });

  it('pauses consumption while results cannot be stored and resumes after', async () => {
    consumer.onModuleInit();
    let failures = 1;
    await outage.writeUntilStored(async () => {
      if (failures-- > 0) throw new Error('down');
    });
    expect(strategy.pauseConsuming).toHaveBeenCalledWith('cannot store results: down');
    expect(strategy.resumeConsuming).toHaveBeenCalledTimes(1);
  });

  it('drains the batcher when the transport drains', () => {
    consumer.onModuleInit();
    const [[event, listener]] = on.mock.calls;
    expect(event).toBe('draining');
    listener();
    expect(predictions.drain).toHaveBeenCalled();
  });
});
