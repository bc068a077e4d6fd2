import { nonNegativeNumber, positiveNumber, wholeNumber } from './number-options';
import { UsageError } from './usage-error';

describe('number options', () => {
  it('return the fallback (or undefined) when the option is absent', () => {
    expect(positiveNumber('rate', undefined, 500)).toBe(500);
    expect(positiveNumber('rate', undefined)).toBeUndefined();
    expect(nonNegativeNumber('gap', undefined, 0)).toBe(0);
    expect(wholeNumber('count', undefined)).toBeUndefined();
  });

  it('read the values they accept', () => {
    expect(positiveNumber('rate', '12.5')).toBe(12.5);
    expect(nonNegativeNumber('gap', '0')).toBe(0);
    expect(wholeNumber('count', '0')).toBe(0);
    expect(wholeNumber('predictors', '3', undefined, 1)).toBe(3);
  });

  it.each([
    [() => positiveNumber('rate', '0'), '--rate must be a positive number, got "0"'],
    [() => positiveNumber('rate', 'fast'), '--rate must be a positive number, got "fast"'],
    [() => positiveNumber('rate', 'Infinity'), '--rate must be a positive number, got "Infinity"'],
    [() => nonNegativeNumber('gap', '-1'), '--gap must be a number ≥ 0, got "-1"'],
    [() => nonNegativeNumber('gap', ''), '--gap must be a number ≥ 0, got ""'],
    [() => wholeNumber('count', '1.5'), '--count must be a whole number, got "1.5"'],
    [() => wholeNumber('cycles', '0', 3, 1), '--cycles must be a whole number ≥ 1, got "0"'],
  ])('reject a bad value with a usage error naming the option (%#)', (read, message) => {
    expect(read).toThrow(UsageError);
    expect(read).toThrow(message);
  });
});
