import { mixSerbianScripts } from './serbian-script-mix';

describe('mixSerbianScripts', () => {
  const segments = Array.from({ length: 400 }, (_, index) => `Сачувај датотеку број ${index}`);

  it('transliterates roughly the requested share, deterministically', () => {
    const mixed = mixSerbianScripts(segments, 0.5, 'seed');
    const latin = mixed.filter((segment) => segment.startsWith('Sačuvaj')).length;
    expect(latin).toBeGreaterThan(150);
    expect(latin).toBeLessThan(250);
    expect(mixSerbianScripts(segments, 0.5, 'seed')).toEqual(mixed);
  });

  it('keeps everything Cyrillic with share 0 and converts everything with share 1', () => {
    expect(mixSerbianScripts(segments, 0, 's')).toEqual(segments);
    expect(
      mixSerbianScripts(segments, 1, 's').every((segment) => segment.startsWith('Sačuvaj')),
    ).toBe(true);
  });
});
