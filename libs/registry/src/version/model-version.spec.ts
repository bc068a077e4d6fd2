import { modelVersionOf, sha256Hex, versionFromSha256 } from './model-version';

describe('modelVersionOf', () => {
  it('derives the version from the content: same bytes, same version', () => {
    const a = modelVersionOf(Buffer.from('model bytes'));
    expect(a).toBe(modelVersionOf(Buffer.from('model bytes')));
    expect(a).toMatch(/^langid-[0-9a-f]{12}$/);
  });

  it('gives different bytes a different version', () => {
    expect(modelVersionOf(Buffer.from('model A'))).not.toBe(modelVersionOf(Buffer.from('model B')));
  });

  it('is the first 12 hex digits of the SHA-256', () => {
    const sha = sha256Hex(Buffer.from('x'));
    expect(sha).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    expect(versionFromSha256(sha)).toBe('langid-2d711642b726');
  });
});
