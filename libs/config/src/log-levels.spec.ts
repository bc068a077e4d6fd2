import { LOG_LEVELS, logLevelsFor } from './log-levels';

describe('logLevelsFor', () => {
  it('keeps the level and every more severe one', () => {
    expect(logLevelsFor('warn')).toEqual(['fatal', 'error', 'warn']);
    expect(logLevelsFor('fatal')).toEqual(['fatal']);
    expect(logLevelsFor('verbose')).toEqual([...LOG_LEVELS]);
  });

  it('falls back to `log` when unset or unknown', () => {
    expect(logLevelsFor(undefined)).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(logLevelsFor('loud')).toEqual(['fatal', 'error', 'warn', 'log']);
  });
});
