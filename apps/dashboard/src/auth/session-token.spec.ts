import { randomBytes } from 'node:crypto';
import { SessionTokens } from './session-token';

describe('SessionTokens', () => {
  const tokens = new SessionTokens(randomBytes(32));

  it('verifies what it issued until it expires', () => {
    const { token, claims } = tokens.issue('ops', 'password', 60_000, 1_000);
    expect(tokens.verify(token, 2_000)).toEqual(claims);
    expect(claims).toMatchObject({ sub: 'ops', via: 'password', exp: 61_000 });
    expect(tokens.verify(token, 61_000)).toBeUndefined();
  });

  it('refuses tampered, foreign, malformed and missing tokens', () => {
    const { token } = tokens.issue('ops', 'key', 60_000);
    const [version, body, signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), sub: 'root' }),
    ).toString('base64url');
    expect(tokens.verify(`${version}.${forged}.${signature}`)).toBeUndefined();
    expect(
      tokens.verify(new SessionTokens(randomBytes(32)).issue('ops', 'key', 60_000).token),
    ).toBeUndefined();
    expect(tokens.verify(`${version}.${body}`)).toBeUndefined();
    expect(tokens.verify(`v0.${body}.${signature}`)).toBeUndefined();
    expect(tokens.verify('garbage')).toBeUndefined();
    expect(tokens.verify(undefined)).toBeUndefined();
  });

  it('gives every session its own id', () => {
    expect(tokens.issue('a', 'key', 1000).claims.sid).not.toBe(
      tokens.issue('a', 'key', 1000).claims.sid,
    );
  });
});
