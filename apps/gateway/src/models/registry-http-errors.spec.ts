import { HttpException } from '@nestjs/common';
import {
  ModelChecksumError,
  ModelNotFoundError,
  PromotionRefusedError,
  RegistryUsageError,
} from '@sibyl/registry';
import { actorOf } from './models.service';
import { registryHttpError } from './registry-http-errors';

describe('registryHttpError', () => {
  const deltas = {
    against: 'langid-live',
    heldOutAccuracy: -0.05,
    macroF1: -0.04,
    perLanguageF1: { hr: -0.2 },
  };

  it('answers a gate refusal with 409, the deltas and the margin', () => {
    const http = registryHttpError(new PromotionRefusedError('langid-x', deltas, 0.002));
    expect(http).toBeInstanceOf(HttpException);
    expect((http as HttpException).getStatus()).toBe(409);
    expect((http as HttpException).getResponse()).toEqual(
      expect.objectContaining({ deltas, margin: 0.002, message: expect.stringMatching(/refused/) }),
    );
  });

  it.each([
    [new ModelNotFoundError('langid-x'), 404],
    [new RegistryUsageError('a forced promotion needs a reason'), 400],
    [new ModelChecksumError('langid-x', 'sha256 mismatch'), 500],
  ])('maps %p to its status', (error, status) => {
    expect((registryHttpError(error) as HttpException).getStatus()).toBe(status);
  });

  it('leaves other errors alone', () => {
    const other = new Error('boom');
    expect(registryHttpError(other)).toBe(other);
  });
});

describe('actorOf', () => {
  it('names the key and the start of its id', () => {
    expect(actorOf({ id: 'a'.repeat(64), name: 'ops', scopes: ['admin'] })).toBe(
      'key:ops (aaaaaaaaaaaa)',
    );
    expect(actorOf({ id: '', name: 'x', scopes: [], anonymous: true })).toMatch(/anonymous/);
  });
});
