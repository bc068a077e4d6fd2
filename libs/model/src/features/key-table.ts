/** Marks an empty slot; real keys are non-negative integers below 2^53. */
const EMPTY = -1;
/** The table doubles when more than this fraction of its slots is used. */
const MAX_LOAD = 0.5;
const TWO_POW_32 = 4294967296;

/** A {@link KeyTable} as plain data (structured-clonable; `slots` transferable across threads). */
export interface KeyTableState {
  slots: Float64Array;
  count: number;
}

/**
 * Open-addressing (linear probing) hash table from integer feature keys (0 ≤ key < 2^53,
 * stored as doubles) to non-negative int32 values. Key and value sit side by side in one
 * Float64Array, so a lookup usually touches a single cache line; no string is ever built.
 */
export class KeyTable {
  private slots: Float64Array;
  private mask: number;
  private count = 0;

  constructor(expectedSize = 1024) {
    let capacity = 16;
    while (capacity * MAX_LOAD < expectedSize) capacity *= 2;
    this.slots = new Float64Array(capacity * 2).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /** Builds a table mapping `keys[i]` to `i`. */
  static fromKeys(keys: ArrayLike<number>): KeyTable {
    const table = new KeyTable(keys.length);
    for (let i = 0; i < keys.length; i++) table.set(keys[i], i);
    return table;
  }

  /** Rewraps a table built elsewhere (e.g. in a worker thread) without rehashing. */
  static fromState(state: KeyTableState): KeyTable {
    const table = new KeyTable(0);
    table.slots = state.slots;
    table.mask = state.slots.length / 2 - 1;
    table.count = state.count;
    return table;
  }

  /** The table as plain data (shares its slots: the table must not be used after they are transferred). */
  state(): KeyTableState {
    return { slots: this.slots, count: this.count };
  }

  /** Number of keys stored. */
  get size(): number {
    return this.count;
  }

  /** Value stored for `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = slotOf(key) & mask;
    for (;;) {
      const found = slots[slot * 2];
      if (found === key) return slots[slot * 2 + 1];
      if (found === EMPTY) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Stores `value` for `key` (replacing any previous value). */
  set(key: number, value: number): void {
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    let slot = slotOf(key) & this.mask;
    for (;;) {
      const found = this.slots[slot * 2];
      if (found === key) break;
      if (found === EMPTY) {
        this.slots[slot * 2] = key;
        this.count++;
        break;
      }
      slot = (slot + 1) & this.mask;
    }
    this.slots[slot * 2 + 1] = value;
  }

  /** Value for `key`; when absent, stores and returns `this.size` (dense ids in insertion order). */
  getOrAdd(key: number): number {
    const found = this.get(key);
    if (found >= 0) return found;
    const id = this.count;
    this.set(key, id);
    return id;
  }

  /** Calls `visit(key, value)` for every entry, in slot order. */
  forEach(visit: (key: number, value: number) => void): void {
    for (let slot = 0; slot <= this.mask; slot++) {
      if (this.slots[slot * 2] !== EMPTY) visit(this.slots[slot * 2], this.slots[slot * 2 + 1]);
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2).fill(EMPTY);
    this.mask = old.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== EMPTY) this.set(old[i], old[i + 1]);
    }
  }
}

/** Mixes both 32-bit halves of an integer key (murmur3 finaliser). */
function slotOf(key: number): number {
  const low = key >>> 0;
  const high = (key / TWO_POW_32) | 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
