import { validateEnvironment } from './env.validation';

describe('validateEnvironment', () => {
  it('applies the documented defaults', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
      MONGODB_URI: 'mongodb://127.0.0.1:27017/sibyl',
      AMQP_NAMESPACE: '',
      PREDICTOR_PORT: 3002,
      MODEL_PATH: 'models/langid/langid.model',
      PREFETCH: 256,
      BATCH_MAX_SIZE: 64,
      BATCH_MAX_WAIT_MS: 5,
      BATCH_MODE: 'adaptive',
      BATCH_PIPELINE: 'on',
      BATCH_WRITES_IN_FLIGHT: 1,
      DELIVERY_LIMIT: 5,
      SHUTDOWN_TIMEOUT_MS: 10000,
    });
  });

  it('parses numbers and treats empty strings as unset', () => {
    const input = { PREFETCH: '10', BATCH_MAX_SIZE: '1', AMQP_NAMESPACE: '', MODEL_PATH: '' };
    expect(validateEnvironment(input)).toMatchObject({
      PREFETCH: 10,
      BATCH_MAX_SIZE: 1,
      MODEL_PATH: 'models/langid/langid.model',
    });
  });

  it('names every invalid variable', () => {
    expect(() =>
      validateEnvironment({
        PREFETCH: '0',
        BATCH_MAX_SIZE: 'many',
        RABBITMQ_URL: 'http://x',
        LOG_LEVEL: 'loud',
      }),
    ).toThrow(/PREFETCH[\s\S]*BATCH_MAX_SIZE|BATCH_MAX_SIZE[\s\S]*PREFETCH/);
    expect(() => validateEnvironment({ RABBITMQ_URL: 'http://x' })).toThrow(
      /RABBITMQ_URL must be an amqp/,
    );
    expect(() => validateEnvironment({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('refuses a batch larger than the prefetch and unknown batching modes', () => {
    expect(() => validateEnvironment({ PREFETCH: '32', BATCH_MAX_SIZE: '64' })).toThrow(
      /PREFETCH \(32\) must be at least BATCH_MAX_SIZE \(64\)/,
    );
    expect(validateEnvironment({ PREFETCH: '64', BATCH_MAX_SIZE: '64' }).PREFETCH).toBe(64);
    // a fixed batch larger than the prefetch closes on its timer only (allowed: tests hold messages so)
    expect(
      validateEnvironment({ PREFETCH: '25', BATCH_MAX_SIZE: '1000', BATCH_MODE: 'fixed' })
        .BATCH_MODE,
    ).toBe('fixed');
    expect(() => validateEnvironment({ BATCH_MODE: 'greedy' })).toThrow(/BATCH_MODE/);
    expect(() => validateEnvironment({ BATCH_WRITES_IN_FLIGHT: '0' })).toThrow(
      /BATCH_WRITES_IN_FLIGHT/,
    );
  });

  it('ignores unrelated variables', () => {
    expect(validateEnvironment({ PATH: '/usr/bin', GATEWAY_PORT: 'x' })).not.toHaveProperty('PATH');
  });

  it('requires keys on /metrics unless AUTH=off on loopback', () => {
    expect(validateEnvironment({}).AUTH).toBe('on');
    expect(() => validateEnvironment({ AUTH: 'off' })).toThrow(/AUTH=off is only allowed/);
    expect(validateEnvironment({ AUTH: 'off', PREDICTOR_HOST: '127.0.0.1' }).AUTH).toBe('off');
  });
});
