import { replaceSection } from './benchmarks-file';

describe('replaceSection', () => {
  const file =
    '# Benchmarks\n\nintro\n\n## Gateway\n\ngateway table\n\n## Language identification model\n\nold\n\n## Predictor\n\np\n';

  it('replaces only its own section', () => {
    const result = replaceSection(file, 'Language identification model', 'new table');
    expect(result).toBe(
      '# Benchmarks\n\nintro\n\n## Gateway\n\ngateway table\n\n## Language identification model\n\nnew table\n\n## Predictor\n\np\n',
    );
  });

  it('appends the section when it is missing', () => {
    expect(
      replaceSection('# Benchmarks\n\nintro\n', 'Language identification model', 'table'),
    ).toBe('# Benchmarks\n\nintro\n\n## Language identification model\n\ntable\n');
  });

  it('replaces a section at the end of the file', () => {
    const result = replaceSection(
      '# B\n\n## Language identification model\n\nold\n',
      'Language identification model',
      'x',
    );
    expect(result).toBe('# B\n\n## Language identification model\n\nx\n');
  });
});
