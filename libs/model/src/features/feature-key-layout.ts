import { CHAR_ID_BITS } from './alphabet';

// The bit layout of integer feature keys, shared by the key builder (feature-keys.ts) and the
// prediction hot path (identifier/fast-scorer.ts), which must agree with it bit for bit.

/** An n-gram key packs its character ids in this base: `a * RADIX_SQUARED + b * RADIX + c`. */
export const RADIX = 2 ** CHAR_ID_BITS;
export const RADIX_SQUARED = RADIX * RADIX;
/** A word key keeps 19 bits of its first FNV-1a lane above the 32 bits of its second. */
export const WORD_HASH_HIGH_BITS = 0x7ffff;
export const TWO_POW_32 = 4294967296;
/** FNV-1a offset bases of the two 32-bit lanes of the word hash, and the FNV prime. */
export const FNV_OFFSET_1 = 0x811c9dc5;
export const FNV_OFFSET_2 = 0x050c5d1f;
export const FNV_PRIME = 0x01000193;
/** The space that pads words and joins word pairs. */
export const SPACE = 0x20;
