import { readCookie, sessionCookie } from './cookies';

describe('cookies', () => {
  it('reads one cookie among several', () => {
    expect(readCookie('a=1; sibyl_session=v1.x.y; b=2', 'sibyl_session')).toBe('v1.x.y');
    expect(readCookie('sibyl_session_old=1', 'sibyl_session')).toBeUndefined();
    expect(readCookie(undefined, 'sibyl_session')).toBeUndefined();
  });

  it('writes HttpOnly, SameSite=Strict and, when asked, Secure', () => {
    expect(sessionCookie('s', 'v', { maxAgeSeconds: 60, secure: false })).toBe(
      's=v; Path=/; HttpOnly; SameSite=Strict; Max-Age=60',
    );
    expect(sessionCookie('s', '', { maxAgeSeconds: 0, secure: true })).toMatch(/; Secure$/);
  });
});
