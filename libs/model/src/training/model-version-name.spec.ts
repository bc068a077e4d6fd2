import type { ModelHyperParameters } from '../artifact/model-info';
import { defaultModelVersion } from './model-version-name';

describe('defaultModelVersion', () => {
  const day = new Date('2026-12-06T10:00:00Z');
  const params = (maxLinesPerLanguage: number) =>
    ({ training: { maxLinesPerLanguage } }) as unknown as ModelHyperParameters;

  it('differs for the same corpus and day when the options differ', () => {
    const a = defaultModelVersion(day, 'c'.repeat(64), params(6000));
    const b = defaultModelVersion(day, 'c'.repeat(64), params(0));
    expect(a).toMatch(/^langid-2026\.12\.06-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
    expect(defaultModelVersion(day, 'c'.repeat(64), params(6000))).toBe(a);
  });
});
