import { corsOrigins, validate } from './env.validation';

describe('gateway environment validation', () => {
  it('applies the documented defaults', () => {
    const env = validate({});
    expect(env).toMatchObject({
      GATEWAY_PORT: 3000,
      HTTP_ADAPTER: 'fastify',
      RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
      MONGODB_URI: 'mongodb://127.0.0.1:27017/sibyl',
      MAX_TEXT_BYTES: 102400,
      MAX_BATCH_ITEMS: 500,
      MAX_WAIT_MS: 30000,
      OUTBOX_INTERVAL_MS: 1000,
      OUTBOX_REPUBLISH_AFTER_MS: 60000,
      RABBITMQ_MANAGEMENT_URL: 'http://guest:guest@127.0.0.1:15672',
      AMQP_NAMESPACE: '',
      AUTH: 'on',
      MAX_BODY_BYTES: 1048576,
      CORS_ORIGINS: '',
    });
  });

  it('refuses AUTH=off unless the gateway binds to loopback', () => {
    expect(() => validate({ AUTH: 'off' })).toThrow(/AUTH=off is only allowed .* "0.0.0.0"/);
    expect(() => validate({ AUTH: 'off', GATEWAY_HOST: '10.1.2.3' })).toThrow(/AUTH=off/);
    for (const host of ['127.0.0.1', '::1', 'localhost', '127.1.2.3']) {
      expect(validate({ AUTH: 'off', GATEWAY_HOST: host }).AUTH).toBe('off');
    }
  });

  it('reads the CORS allow-list', () => {
    expect(corsOrigins(validate({}))).toEqual([]);
    expect(
      corsOrigins(validate({ CORS_ORIGINS: 'https://a.example, http://localhost:4200/' })),
    ).toEqual(['https://a.example', 'http://localhost:4200']);
    expect(() => validate({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });

  it('converts numbers and keeps meaningful empty values', () => {
    const unset = { AMQP_NAMESPACE: '', MAX_WAIT_MS: '' };
    const env = validate({ GATEWAY_PORT: '8080', RABBITMQ_MANAGEMENT_URL: '', ...unset });
    expect(env).toMatchObject({
      GATEWAY_PORT: 8080,
      RABBITMQ_MANAGEMENT_URL: '',
      MAX_WAIT_MS: 30000,
    });
  });

  it('ignores unrelated variables', () => {
    expect(validate({ PATH: '/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it('lists every invalid variable at once', () => {
    expect(() =>
      validate({ GATEWAY_PORT: 'eighty', HTTP_ADAPTER: 'koa', MONGODB_URI: 'postgres://x' }),
    ).toThrow(/GATEWAY_PORT="eighty".*\n.*HTTP_ADAPTER="koa".*\n.*MONGODB_URI/);
  });

  it('refuses a body limit that does not exceed the text limit', () => {
    expect(() => validate({ MAX_TEXT_BYTES: '2048', MAX_BODY_BYTES: '2048' })).toThrow(
      /MAX_BODY_BYTES/,
    );
  });
});
