import { messagingNames } from '@sibyl/contracts';
import { predictionTopologySteps } from './prediction-topology';
import {
  CheckChannel,
  describeProblems,
  isDeclarationRefused,
  runTopologyCheck,
} from './topology-check';

const names = messagingNames('chk');

/** A refusal as amqplib reports it. */
function refusal(code: number, text: string): Error {
  return Object.assign(
    new Error(`Operation failed: QueueDeclare; ${code} (X) with message "${text}"`),
    {
      code,
    },
  );
}

/** Channels that refuse the declarations named in `refuse`; records what each channel ran. */
function broker(refuse: Record<string, Error>) {
  const channels: Array<{ calls: string[]; closed: boolean }> = [];
  const open = async (): Promise<CheckChannel> => {
    const record = { calls: [] as string[], closed: false };
    channels.push(record);
    const step = (name: string) => async () => {
      if (record.closed) throw new Error('Channel closed');
      record.calls.push(name);
      const error = refuse[name];
      if (error) {
        record.closed = true;
        throw error;
      }
    };
    return {
      assertExchange: (exchange: string) => step(`exchange ${exchange}`)(),
      assertQueue: (queue: string) => step(`queue ${queue}`)(),
      bindQueue: (queue: string, source: string) => step(`binding ${source} -> ${queue}`)(),
      on: () => undefined,
      close: async () => {
        record.closed = true;
      },
    };
  };
  return { channels, open };
}

describe('runTopologyCheck', () => {
  const steps = predictionTopologySteps(names, { deliveryLimit: 5 });

  it('declares everything on one channel and reports nothing when the broker accepts it', async () => {
    const fake = broker({});
    await expect(runTopologyCheck(fake.open, steps)).resolves.toEqual([]);
    expect(fake.channels).toHaveLength(1);
    expect(fake.channels[0].calls).toHaveLength(steps.length);
    expect(fake.channels[0].closed).toBe(true);
  });

  it('reports a refused queue and still declares what follows it, on a fresh channel', async () => {
    const error = refusal(406, "PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit'");
    const fake = broker({ [`queue ${names.requestsQueue}`]: error });
    const problems = await runTopologyCheck(fake.open, steps);
    expect(problems).toEqual([
      {
        what: `queue ${names.requestsQueue}`,
        error: `406 (X) with message "PRECONDITION_FAILED - inequivalent arg 'x-delivery-limit'"`,
      },
    ]);
    expect(fake.channels).toHaveLength(2);
    expect(fake.channels[1].calls).toEqual([
      `binding ${names.requestsExchange} -> ${names.requestsQueue}`,
      `exchange ${names.completedExchange}`,
      `exchange ${names.modelEventsExchange}`,
    ]);
    expect(describeProblems(problems)).toContain('x-delivery-limit');
  });

  it('rejects (inconclusive) when the connection is lost, instead of reporting drift', async () => {
    const fake = broker({ [`exchange ${names.requestsExchange}`]: new Error('Channel closed') });
    await expect(runTopologyCheck(fake.open, steps)).rejects.toThrow('Channel closed');
  });
});

describe('isDeclarationRefused', () => {
  it('is true for the channel-level refusals only', () => {
    expect(isDeclarationRefused(refusal(406, 'x'))).toBe(true);
    expect(isDeclarationRefused(refusal(404, 'x'))).toBe(true);
    expect(isDeclarationRefused(Object.assign(new Error('x'), { code: 320 }))).toBe(false);
    expect(isDeclarationRefused(new Error('Channel closed'))).toBe(false);
    expect(isDeclarationRefused(null)).toBe(false);
  });
});
