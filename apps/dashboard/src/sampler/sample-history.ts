/** Fixed-size rolling window: keeps the newest `capacity` items, oldest first. */
export class SampleHistory<T> {
  private readonly items: T[] = [];

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError('capacity must be a positive integer');
  }

  /** Appends an item, dropping the oldest one when full. */
  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  /** A copy of the window, oldest first. */
  toArray(): T[] {
    return [...this.items];
  }

  /** The newest item. */
  latest(): T | undefined {
    return this.items.at(-1);
  }

  get size(): number {
    return this.items.length;
  }
}
