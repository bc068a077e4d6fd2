import { randomUUID } from 'node:crypto';
import { encodePredictionRequestedV1, parsePredictionRequestedV1 } from './prediction-requested.v1';

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
});
