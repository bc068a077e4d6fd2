import { LoginThrottle } from './login-throttle';
import { matchesConfiguredCredential } from './password.check';

describe('LoginThrottle', () => {
  it('refuses an IP after the maximum failures until the window ends, per IP', () => {
    const throttle = new LoginThrottle(3, 1000);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs('1.1.1.1', 100)).toBe(0);
      throttle.fail('1.1.1.1', 100);
    }
    expect(throttle.retryAfterMs('1.1.1.1', 200)).toBe(900);
    expect(throttle.retryAfterMs('2.2.2.2', 200)).toBe(0);
    expect(throttle.retryAfterMs('1.1.1.1', 1100)).toBe(0);
  });

  it('forgets the failures of a successful login', () => {
    const throttle = new LoginThrottle(1, 1000);
    throttle.fail('1.1.1.1', 0);
    throttle.succeed('1.1.1.1');
    expect(throttle.retryAfterMs('1.1.1.1', 1)).toBe(0);
  });
});

describe('matchesConfiguredCredential', () => {
  const configured = { user: 'ops', password: 'correct horse' };
  it('accepts only the exact user and password', () => {
    expect(
      matchesConfiguredCredential(configured, { user: 'ops', password: 'correct horse' }),
    ).toBe(true);
    expect(matchesConfiguredCredential(configured, { user: 'ops', password: 'correct hors' })).toBe(
      false,
    );
    expect(
      matchesConfiguredCredential(configured, { user: 'Ops', password: 'correct horse' }),
    ).toBe(false);
  });
  it('accepts nothing when no credential is configured', () => {
    expect(matchesConfiguredCredential({}, { user: '', password: '' })).toBe(false);
  });
});
