/* eslint-disable @typescript-eslint/no-inferrable-types */
import { IsInt, Min } from 'class-validator';
import { SibylEnvironment } from './base-environment';
import { invalidEnv, validateEnv } from './validate-env';

class AppEnvironment extends SibylEnvironment {
  @IsInt() @Min(1) APP_WORKERS: number = 2;
}

const validate = (raw: Record<string, unknown>, emptyAllowed?: string[]) =>
  validateEnv(AppEnvironment, raw, { app: 'test', emptyAllowed });

describe('validateEnv', () => {
  it('applies the shared and the app defaults', () => {
    expect(validate({})).toMatchObject({
      RABBITMQ_URL: 'amqp://guest:guest@127.0.0.1:5672',
      MONGODB_URI: 'mongodb://127.0.0.1:27017/sibyl',
      AMQP_NAMESPACE: '',
      DELIVERY_LIMIT: 5,
      DATABASE_OPERATION_TIMEOUT_MS: 5000,
      LOG_LEVEL: 'log',
      APP_WORKERS: 2,
    });
  });

  it('converts numbers, keeps only declared variables and returns an instance of the class', () => {
    const env = validate({ DELIVERY_LIMIT: '7', APP_WORKERS: '4', PATH: '/bin' });
    expect(env).toBeInstanceOf(AppEnvironment);
    expect(env.DELIVERY_LIMIT).toBe(7);
    expect(env.APP_WORKERS).toBe(4);
    expect(env).not.toHaveProperty('PATH');
  });

  it('treats empty values as unset unless allowed', () => {
    expect(validate({ DELIVERY_LIMIT: '', AMQP_NAMESPACE: '' }).DELIVERY_LIMIT).toBe(5);
    expect(validate({ AMQP_NAMESPACE: 'x' }).AMQP_NAMESPACE).toBe('x');
    expect(() => validate({ APP_WORKERS: '' }, ['APP_WORKERS'])).toThrow(/APP_WORKERS=""/);
  });

  it('lists every invalid variable at once, one line each, with the same messages in every app', () => {
    let message = '';
    try {
      validate({
        RABBITMQ_URL: 'http://x',
        MONGODB_URI: 'postgres://x',
        AMQP_NAMESPACE: 'a b',
        DELIVERY_LIMIT: '0',
        LOG_LEVEL: 'loud',
        APP_WORKERS: 'many',
      });
    } catch (error) {
      message = (error as Error).message;
    }
    const [title, ...lines] = message.split('\n');
    expect(title).toBe('Invalid test configuration:');
    expect(lines).toHaveLength(6);
    expect(lines).toEqual(
      expect.arrayContaining([
        '  RABBITMQ_URL="http://x": RABBITMQ_URL must be an amqp:// or amqps:// URL',
        '  MONGODB_URI="postgres://x": MONGODB_URI must be a mongodb:// URL',
        '  AMQP_NAMESPACE="a b": AMQP_NAMESPACE may only hold letters, digits, ".", "_" and "-"',
        '  DELIVERY_LIMIT="0": DELIVERY_LIMIT must be at least 1',
        '  LOG_LEVEL="loud": LOG_LEVEL must be one of fatal, error, warn, log, debug, verbose',
        expect.stringMatching(/^ {2}APP_WORKERS="many": .*integer/),
      ]),
    );
  });

  it('hides URL passwords in its messages', () => {
    expect(() => validate({ MONGODB_URI: 'postgres://sibyl:s3cret@db/x' })).toThrow(
      'MONGODB_URI="postgres://sibyl:***@db/x"',
    );
  });

  it('words cross-variable rules the same way', () => {
    expect(invalidEnv('test', 'A must exceed B').message).toBe(
      'Invalid test configuration:\n  A must exceed B',
    );
  });
});
