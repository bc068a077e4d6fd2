import { UsageError } from './usage-error';

/**
 * Reads a number option given as text: `undefined` when the option is absent (or `fallback` when one is
 * given), the number when it meets `accepts`, else a {@link UsageError} naming the option and what it needs.
 */
function numberOption(
  name: string,
  value: string | undefined,
  fallback: number | undefined,
  requirement: string,
  accepts: (n: number) => boolean,
): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !accepts(n))
    throw new UsageError(`--${name} must be ${requirement}, got "${value}"`);
  return n;
}

/** A finite number > 0 (`--rate 12.5`) from a given value. */
export function positiveNumber(name: string, value: string, fallback?: number): number;
/** A finite number > 0 (`--rate 12.5`), the fallback when absent. */
export function positiveNumber(name: string, value: string | undefined, fallback: number): number;
/** A finite number > 0 (`--rate 12.5`), `undefined` when absent. */
export function positiveNumber(
  name: string,
  value: string | undefined,
  fallback?: number,
): number | undefined;
export function positiveNumber(
  name: string,
  value: string | undefined,
  fallback?: number,
): number | undefined {
  return numberOption(
    name,
    value,
    fallback,
    'a positive number',
    (n) => Number.isFinite(n) && n > 0,
  );
}

/** A finite number ≥ 0 (`--fault-seconds 0`) from a given value. */
export function nonNegativeNumber(name: string, value: string, fallback?: number): number;
/** A finite number ≥ 0 (`--fault-seconds 0`), the fallback when absent. */
export function nonNegativeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
): number;
/** A finite number ≥ 0 (`--fault-seconds 0`), `undefined` when absent. */
export function nonNegativeNumber(
  name: string,
  value: string | undefined,
  fallback?: number,
): number | undefined;
export function nonNegativeNumber(
  name: string,
  value: string | undefined,
  fallback?: number,
): number | undefined {
  return numberOption(name, value, fallback, 'a number ≥ 0', (n) => Number.isFinite(n) && n >= 0);
}

/** A whole number ≥ `min` (default 0) from a given value. */
export function wholeNumber(name: string, value: string, fallback?: number, min?: number): number;
/** A whole number ≥ `min` (default 0), the fallback when absent. */
export function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  min?: number,
): number;
/** A whole number ≥ `min` (default 0), `undefined` when absent (and no fallback). */
export function wholeNumber(
  name: string,
  value: string | undefined,
  fallback?: number,
  min?: number,
): number | undefined;
export function wholeNumber(
  name: string,
  value: string | undefined,
  fallback?: number,
  min = 0,
): number | undefined {
  return numberOption(
    name,
    value,
    fallback,
    min === 0 ? 'a whole number' : `a whole number ≥ ${min}`,
    (n) => Number.isInteger(n) && n >= min,
  );
}
