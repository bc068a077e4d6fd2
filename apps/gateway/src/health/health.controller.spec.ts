import { Logger, ServiceUnavailableException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { OutboxDispatcher } from '../outbox/outbox.dispatcher';
import { BrokerState, BrokerStateReport } from './broker-state';
import { DatabaseWriteHealthIndicator } from './database-write.health';
import { HealthController } from './health.controller';
import { OutboxBacklogHealthIndicator } from './outbox-backlog.health';

const disconnected: BrokerStateReport = {
  gating: false,
  connected: false,
  blocked: null,
  publisherChannel: 'closed',
  inspectorChannel: 'closed',
  topology: 'as declared',
};

/** The controller over fake probes: database writable or not, backlog accepting or not. */
async function controller(state: { writable: boolean; accepting: boolean }) {
  const database = {
    acceptsWrites: async () => {
      const indicator = new HealthIndicatorService().check('database');
      return state.writable ? indicator.up() : indicator.down({ message: 'no write' });
    },
  };
  const dispatcher = { accepting: state.accepting, backlogBytes: 10, backlogMaxBytes: 100 };
  const module = await Test.createTestingModule({
    imports: [TerminusModule],
    controllers: [HealthController],
    providers: [
      OutboxBacklogHealthIndicator,
      { provide: OutboxDispatcher, useValue: dispatcher },
      { provide: DatabaseWriteHealthIndicator, useValue: database },
      { provide: BrokerState, useValue: { report: () => disconnected } },
    ],
  }).compile();
  return module.get(HealthController);
}

describe('gateway HealthController', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('is ready with the broker down: the broker is reported, not gating', async () => {
    const ready = await (await controller({ writable: true, accepting: true })).ready();
    expect(ready.status).toBe('ok');
    expect(ready.broker).toEqual(disconnected);
    expect(ready.details).toMatchObject({ database: { status: 'up' }, outbox: { status: 'up' } });
  });

  it.each([
    [{ writable: false, accepting: true }, 'database'],
    [{ writable: true, accepting: false }, 'outbox'],
  ])('is not ready (503) when %j, and still reports the broker', async (state, failing) => {
    const error = await (await controller(state)).ready().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    const body = (error as ServiceUnavailableException).getResponse() as {
      error: Record<string, unknown>;
      broker: BrokerStateReport;
    };
    expect(Object.keys(body.error)).toEqual([failing]);
    expect(body.broker).toEqual(disconnected);
  });
});
