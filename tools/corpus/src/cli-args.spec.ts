import { parseCliArgs, positiveIntOption, shareOption } from './cli-args';

describe('parseCliArgs', () => {
  it('reads the command, --name value, --name=value and flags (npm passes a leading --)', () => {
    const { command, options } = parseCliArgs([
      '--',
      'extract',
      '--langs',
      'sv,da',
      '--max-lines-per-source=5',
      '--dry',
    ]);
    expect(command).toBe('extract');
    expect(options.get('langs')).toBe('sv,da');
    expect(options.get('max-lines-per-source')).toBe('5');
    expect(options.get('dry')).toBe('true');
  });

  it('rejects stray positional arguments', () => {
    expect(() => parseCliArgs(['extract', 'oops'])).toThrow(/Unexpected argument/);
  });
});

describe('numeric options', () => {
  const options = new Map([
    ['n', '12'],
    ['bad', '-3'],
    ['share', '0.25'],
  ]);

  it('parses valid values and falls back when absent', () => {
    expect(positiveIntOption(options, 'n', 1)).toBe(12);
    expect(positiveIntOption(options, 'missing', 7)).toBe(7);
    expect(shareOption(options, 'share', 0.5)).toBe(0.25);
  });

  it('rejects invalid values with a clear message', () => {
    expect(() => positiveIntOption(options, 'bad', 1)).toThrow('--bad must be a positive integer');
    expect(() => shareOption(new Map([['s', '2']]), 's', 0)).toThrow(
      '--s must be a number between 0 and 1',
    );
  });
});
