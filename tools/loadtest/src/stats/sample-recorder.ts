/**
 * Append-only store of numeric samples in a growable Float64Array: a few hundred
 * thousand latencies cost a few MB and no per-sample object.
 */
export class SampleRecorder {
  private buffer: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(1, initialCapacity));
  }

  /** Records one sample; non-finite values are refused. */
  add(value: number): void {
    if (!Number.isFinite(value)) throw new RangeError(`sample must be finite, got ${value}`);
    if (this.size === this.buffer.length) {
      const grown = new Float64Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.size++] = value;
  }

  /** Number of samples recorded. */
  get count(): number {
    return this.size;
  }

  /** A view of the recorded samples (not a copy; do not keep it across `add`). */
  values(): Float64Array {
    return this.buffer.subarray(0, this.size);
  }
}
