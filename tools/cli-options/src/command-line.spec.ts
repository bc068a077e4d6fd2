import { parseCommandLine } from './command-line';
import { UsageError } from './usage-error';

const OPTIONS = {
  rate: { type: 'string', default: '500' },
  'no-write': { type: 'boolean' },
} as const;

/** Collects what a command writes as help. */
function helpSink(): { text: string; write(chunk: string): void } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
    },
  };
}

describe('parseCommandLine', () => {
  it('returns the option values, defaults included', () => {
    expect(parseCommandLine(['--no-write'], OPTIONS, 'usage', helpSink())).toEqual({
      rate: '500',
      'no-write': true,
    });
    expect(parseCommandLine(['--rate', '20'], OPTIONS, 'usage', helpSink())?.rate).toBe('20');
  });

  it('writes the help on --help or -h and returns nothing', () => {
    for (const flag of ['--help', '-h']) {
      const out = helpSink();
      expect(parseCommandLine([flag], OPTIONS, 'usage: bench', out)).toBeUndefined();
      expect(out.text).toBe('usage: bench');
    }
  });

  it('turns an unknown option or a stray argument into a usage error', () => {
    expect(() => parseCommandLine(['--bogus'], OPTIONS, 'usage', helpSink())).toThrow(UsageError);
    expect(() => parseCommandLine(['extra'], OPTIONS, 'usage', helpSink())).toThrow(UsageError);
  });
});
