/** Code points get ids 1..MAX_ALPHABET_SIZE; id 0 means "not in the alphabet". */
export const CHAR_ID_BITS = 17;
/** Largest alphabet an n-gram key can encode (ids fit in {@link CHAR_ID_BITS} bits). */
export const MAX_ALPHABET_SIZE = 2 ** CHAR_ID_BITS - 1;
const BMP_SIZE = 0x10000;

/**
 * Dense ids for the code points seen in training, so that an n-gram of up to three
 * characters packs into one exact integer key (3 × 17 bits).
 */
export class Alphabet {
  private readonly bmp = new Int32Array(BMP_SIZE);
  private readonly astral = new Map<number, number>();
  private readonly points: number[] = [];

  /** Rebuilds an alphabet; `codePoints[i]` gets id `i + 1`. */
  static fromCodePoints(codePoints: ArrayLike<number>): Alphabet {
    const alphabet = new Alphabet();
    for (let i = 0; i < codePoints.length; i++) alphabet.add(codePoints[i]);
    return alphabet;
  }

  /** Number of code points with an id. */
  get size(): number {
    return this.points.length;
  }

  /** Id of `codePoint`, or 0 when it is unknown. */
  idOf(codePoint: number): number {
    return codePoint < BMP_SIZE ? this.bmp[codePoint] : (this.astral.get(codePoint) ?? 0);
  }

  /** Id of `codePoint`, assigning the next one if needed; 0 once the alphabet is full. */
  add(codePoint: number): number {
    const known = this.idOf(codePoint);
    if (known !== 0 || this.points.length >= MAX_ALPHABET_SIZE) return known;
    this.points.push(codePoint);
    const id = this.points.length;
    if (codePoint < BMP_SIZE) this.bmp[codePoint] = id;
    else this.astral.set(codePoint, id);
    return id;
  }

  /** The code points in id order (id = index + 1). */
  codePoints(): Int32Array {
    return Int32Array.from(this.points);
  }

  /** The code point with id `id`. */
  codePointOf(id: number): number {
    return this.points[id - 1];
  }
}
