import { messagingNames } from '../patterns';
import { encodeModelPromotedV1, parseModelPromotedV1 } from './model-promoted.v1';

describe('model.promoted.v1', () => {
  const valid = {
    version: 'langid-0123456789ab',
    sha256: '0123456789ab'.padEnd(64, 'c'),
    previousVersion: null,
    action: 'promote' as const,
    at: new Date('2026-12-07T03:04:05.000Z').toISOString(),
  };

  it('round-trips through encode and parse, also with a previous version', () => {
    expect(parseModelPromotedV1(encodeModelPromotedV1(valid))).toEqual({
      ok: true,
      value: expect.objectContaining({ type: 'model.promoted.v1', ...valid }),
    });
    const rollback = { ...valid, action: 'rollback' as const, previousVersion: 'langid-aaaa' };
    expect(parseModelPromotedV1(encodeModelPromotedV1(rollback)).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['a wrong type', JSON.stringify({ ...valid, type: 'x' }), /type/],
    [
      'a bad checksum',
      JSON.stringify({ ...valid, type: 'model.promoted.v1', sha256: 'zz' }),
      /sha256/,
    ],
    [
      'an unknown action',
      JSON.stringify({ ...valid, type: 'model.promoted.v1', action: 'x' }),
      /action/,
    ],
    [
      'an empty previous version',
      JSON.stringify({ ...valid, type: 'model.promoted.v1', previousVersion: '' }),
      /previousVersion/,
    ],
  ])('refuses %s with a reason', (_name, body, reason) => {
    const parsed = parseModelPromotedV1(body);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.reason).toMatch(reason);
  });

  it('has a namespaced fanout exchange name', () => {
    expect(messagingNames().modelEventsExchange).toBe('sibyl.v1.models');
    expect(messagingNames('t1').modelEventsExchange).toBe('t1.sibyl.v1.models');
  });
});
