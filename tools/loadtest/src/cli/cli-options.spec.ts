import { parseCli, UsageError } from './cli-options';

describe('parseCli', () => {
  it('defaults to a 10 s closed loop of 64 against localhost', () => {
    const { options } = parseCli([], {});
    expect(options).toMatchObject({
      rate: null,
      concurrency: 64,
      durationMs: 10_000,
      count: null,
      submitBatch: 1,
      spawn: null,
    });
    expect(options.gatewayUrl).toBe('http://127.0.0.1:3000');
  });

  it('reads an open-model spawn run', () => {
    const { options } = parseCli(
      [
        '--spawn',
        '--predictors',
        '2',
        '--batch-size',
        '1',
        '--rate',
        '500',
        '--duration',
        '60',
        '--submit-batch',
        '10',
        '--env',
        'A=b=c',
      ],
      { RABBITMQ_URL: 'amqp://u:p@h:5673', MONGODB_URI: 'mongodb://h:27018/x' },
    );
    expect(options.rate).toBe(500);
    expect(options.durationMs).toBe(60_000);
    expect(options.submitBatch).toBe(10);
    expect(options.spawn).toMatchObject({
      predictors: 2,
      gateways: 1,
      batchSize: 1,
      rabbitUrl: 'amqp://u:p@h:5673',
      extraEnv: { A: 'b=c' },
    });
    expect(options.watchPorts).toEqual([
      { name: 'rabbitmq', port: 5673 },
      { name: 'mongodb', port: 27018 },
    ]);
    expect(options.label).toBe('rate 500/s batch 10 2p bs1');
  });

  it('uses only the count when a count and no duration is given', () => {
    const { options } = parseCli(['--count', '300'], {});
    expect(options.count).toBe(300);
    expect(options.durationMs).toBeNull();
  });

  it('refuses contradictory or malformed flags', () => {
    expect(() => parseCli(['--rate', '10', '--concurrency', '4'], {})).toThrow(UsageError);
    expect(() => parseCli(['--rate', '0'], {})).toThrow(/--rate must be a positive number/);
    expect(() => parseCli(['--submit-batch', '1.5'], {})).toThrow(/whole number/);
    expect(() => parseCli(['--batch-size', '8'], {})).toThrow(/only applies with --spawn/);
    expect(() => parseCli(['--spawn', '--gateway', 'http://x'], {})).toThrow(UsageError);
    expect(() => parseCli(['--bogus'], {})).toThrow(UsageError);
    expect(() => parseCli(['--spawn', '--env', 'novalue'], {})).toThrow(/KEY=VALUE/);
    expect(() => parseCli(['--spawn', '--private-db', '--use-database'], {})).toThrow(
      /--use-database/,
    );
  });

  it('spawns several gateways with --gateways (scale-out runs)', () => {
    const { options } = parseCli(['--spawn', '--gateways', '2', '--predictors', '1'], {});
    expect(options.spawn).toMatchObject({ gateways: 2, predictors: 1 });
    expect(() => parseCli(['--gateways', '2'], {})).toThrow(/only applies with --spawn/);
    expect(() => parseCli(['--spawn', '--gateways', '0'], {})).toThrow(UsageError);
  });

  it('uses a given database as it is with --use-database', () => {
    const uri = 'mongodb://127.0.0.1:41790/filled';
    const { options } = parseCli(['--spawn', '--mongodb-uri', uri, '--use-database'], {});
    expect(options.spawn).toMatchObject({ mongoUri: uri, useDatabase: true, privateDb: false });
  });
});
