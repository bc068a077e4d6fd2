/**
 * Caps concurrent operations per name (e.g. long polls per API key) in this process.
 * `tryAcquire` returns a release function, or undefined when the name is at its cap.
 */
export class ConcurrencyLimiter {
  private readonly active = new Map<string, number>();

  constructor(private readonly maxPerName: number) {}

  /** Takes a slot for `name`; call the returned function exactly once when done. */
  tryAcquire(name: string): (() => void) | undefined {
    const count = this.active.get(name) ?? 0;
    if (count >= this.maxPerName) return undefined;
    this.active.set(name, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.active.get(name) ?? 1) - 1;
      if (left <= 0) this.active.delete(name);
      else this.active.set(name, left);
    };
  }

  /** Operations running for `name`. */
  count(name: string): number {
    return this.active.get(name) ?? 0;
  }
}
