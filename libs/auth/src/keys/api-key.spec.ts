import { createHash } from 'node:crypto';
import { generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key';

describe('API keys', () => {
  it('are sk_ and 32 random bytes in base64url, never twice the same', () => {
    const keys = new Set(Array.from({ length: 100 }, generateApiKey));
    expect(keys.size).toBe(100);
    for (const key of keys) {
      expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(key.slice(3), 'base64url')).toHaveLength(32);
      expect(isWellFormedApiKey(key)).toBe(true);
    }
  });

  it('are stored as the SHA-256 hex of the whole key', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(createHash('sha256').update(key).digest('hex'));
  });

  it.each(['', 'sk_short', 'pk_' + 'a'.repeat(43), 'sk_' + 'a'.repeat(42) + '!'])(
    'refuses the malformed key %p',
    (value) => expect(isWellFormedApiKey(value)).toBe(false),
  );
});
