/** Nest log levels, from the most to the least severe. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** Level used when `LOG_LEVEL` is unset or unknown. */
export const DEFAULT_LOG_LEVEL: LogLevelName = 'log';

/** The Nest logger levels a `LOG_LEVEL` value enables: that level and every more severe one. */
export function logLevelsFor(level: string | undefined): LogLevelName[] {
  const index = LOG_LEVELS.indexOf((level ?? DEFAULT_LOG_LEVEL) as LogLevelName);
  return LOG_LEVELS.slice(0, (index < 0 ? LOG_LEVELS.indexOf(DEFAULT_LOG_LEVEL) : index) + 1);
}
