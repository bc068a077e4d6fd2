import { ConfigService } from '@nestjs/config';
import { envOptions } from './env-options.provider';
import { validate } from './env.validation';

describe('envOptions', () => {
  it('provides the options built from the validated environment', () => {
    const token = Symbol('OPTIONS');
    const provider = envOptions(token, (env) => ({
      maxTextBytes: env('MAX_TEXT_BYTES'),
      auth: env('AUTH'),
    }));
    const config = new ConfigService(validate({ MAX_TEXT_BYTES: '42' }));
    expect(provider.provide).toBe(token);
    expect(provider.inject).toEqual([ConfigService]);
    expect(provider.useFactory(config)).toEqual({ maxTextBytes: 42, auth: 'on' });
  });
});
