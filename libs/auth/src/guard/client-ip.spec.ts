import { clientIp } from './client-ip';

describe('clientIp', () => {
  it('is the peer unless proxies are trusted', () => {
    expect(clientIp('10.0.0.1', '1.2.3.4', 0)).toBe('10.0.0.1');
    expect(clientIp(undefined, undefined, 0)).toBe('unknown');
  });

  it('takes the entry added by the outermost trusted proxy', () => {
    expect(clientIp('10.0.0.1', 'forged, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.1', 'forged, 1.2.3.4, 10.0.0.9', 2)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.1', ['1.2.3.4'], 5)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.1', undefined, 1)).toBe('10.0.0.1');
  });
});
