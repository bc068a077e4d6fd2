import { MODELS_COMMANDS, UsageError } from './commands';
import { modelsUsage, parseModelsArgs } from './models-args';

describe('parseModelsArgs', () => {
  it('finds the command after global options and keeps its positionals and options', () => {
    const parsed = parseModelsArgs(
      ['--actor', 'bob', 'promote', 'langid-abc', '--force', '--reason', 'why', '--json'],
      MODELS_COMMANDS,
    );
    expect(parsed).toEqual(
      expect.objectContaining({
        help: false,
        positionals: ['langid-abc'],
        json: true,
        actor: 'bob',
        values: expect.objectContaining({ force: true, reason: 'why' }),
      }),
    );
    expect(parsed.help === false && parsed.command.name).toBe('promote');
  });

  it('answers help for no command, help and --help', () => {
    expect(parseModelsArgs([], MODELS_COMMANDS)).toEqual({ help: true });
    expect(parseModelsArgs(['help'], MODELS_COMMANDS)).toEqual({ help: true });
    expect(parseModelsArgs(['list', '--help'], MODELS_COMMANDS)).toEqual({ help: true });
  });

  it('refuses unknown commands and options of another command', () => {
    expect(() => parseModelsArgs(['nope'], MODELS_COMMANDS)).toThrow(UsageError);
    expect(() => parseModelsArgs(['list', '--force'], MODELS_COMMANDS)).toThrow(/--force/);
  });

  it('lists every command of the table in the usage', () => {
    const usage = modelsUsage(MODELS_COMMANDS);
    for (const command of MODELS_COMMANDS) expect(usage).toContain(command.usage);
  });
});
