import { randomUUID } from 'node:crypto';
import { parseJsonMessage } from '../messages';
import {
  encodePredictionRequestedV1,
  parsePredictionRequestedV1,
  PredictionRequestedV1,
} from './prediction-requested.v1';

describe('prediction.requested.v1', () => {
  const valid = {
    trackingId: randomUUID(),
    text: 'Hej världen',
    submittedAt: new Date('2026-01-02T03:04:05.000Z').toISOString(),
    attempt: 1,
  };

  it('round-trips through encode and parse', () => {
    const parsed = parsePredictionRequestedV1(encodePredictionRequestedV1(valid));
    expect(parsed).toEqual({ ok: true, value: expect.objectContaining({ v: 1, ...valid }) });
  });

  it('carries the optional owner, and parses messages without it', () => {
    const withOwner = parsePredictionRequestedV1(
      encodePredictionRequestedV1({ ...valid, owner: 'key-1' }),
    );
    expect(withOwner).toEqual({ ok: true, value: expect.objectContaining({ owner: 'key-1' }) });
    const without = parsePredictionRequestedV1(encodePredictionRequestedV1(valid));
    expect(without.ok && 'owner' in without.value).toBe(false);
  });

  it.each([
    ['not JSON', Buffer.from('{nope'), /not JSON/],
    ['an array', Buffer.from('[1,2]'), /not a JSON object/],
    ['a bad id', Buffer.from(JSON.stringify({ ...valid, v: 1, trackingId: 'x' })), /trackingId/],
    ['an empty text', Buffer.from(JSON.stringify({ ...valid, v: 1, text: '' })), /text/],
    ['a missing version', Buffer.from(JSON.stringify(valid)), /v:/],
    ['attempt 0', Buffer.from(JSON.stringify({ ...valid, v: 1, attempt: 0 })), /attempt/],
  ])('refuses %s with a reason', (_name, body, reason) => {
    const parsed = parsePredictionRequestedV1(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.reason).toMatch(reason);
  });

  it('answers a body as the gateway writes it like the class-validator path, as an instance', () => {
    const body = encodePredictionRequestedV1({ ...valid, owner: 'k' });
    const parsed = parsePredictionRequestedV1(body);
    expect(parsed).toEqual(parseJsonMessage(PredictionRequestedV1, body, 'x'));
    expect(parsed.ok && parsed.value).toBeInstanceOf(PredictionRequestedV1);
  });

  it.each([
    ['a timestamp without milliseconds', { submittedAt: '2026-01-02T03:04:05Z' }, true],
    ['a timestamp with an offset', { submittedAt: '2026-01-02T05:04:05.000+02:00' }, true],
    ['an impossible date', { submittedAt: '2026-02-30T03:04:05.000Z' }, false],
    ['a nil UUID', { trackingId: '00000000-0000-0000-0000-000000000000' }, null],
    ['an extra field', { extra: true }, true],
    ['a fractional attempt', { attempt: 1.5 }, false],
    ['a numeric owner', { owner: 7 }, false],
    ['a version 2', { v: 2 }, false],
  ])('decides %s as the decorators do', (_name, change, ok) => {
    const body = Buffer.from(JSON.stringify({ v: 1, ...valid, ...change }));
    const expected = parseJsonMessage(PredictionRequestedV1, body, 'prediction.requested.v1');
    if (ok !== null) expect(expected.ok).toBe(ok);
    expect(parsePredictionRequestedV1(body)).toEqual(expected);
  });
});
