import { ModelFormatError } from './model-format-error';

/** Element types a section can hold. */
export type SectionType = 'int8' | 'uint8' | 'int32' | 'float32' | 'float64';

/** A typed array of any {@link SectionType}. */
export type SectionArray = Int8Array | Uint8Array | Int32Array | Float32Array | Float64Array;

/** Table of contents entry of one section. */
export interface SectionEntry {
  name: string;
  type: SectionType;
  length: number;
}

const CONSTRUCTORS = {
  int8: Int8Array,
  uint8: Uint8Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
} as const;
/** Sections start at multiples of 8 bytes so every view is aligned. */
const ALIGNMENT = 8;

function typeOf(array: SectionArray): SectionType {
  if (array instanceof Int8Array) return 'int8';
  if (array instanceof Uint8Array) return 'uint8';
  if (array instanceof Int32Array) return 'int32';
  if (array instanceof Float32Array) return 'float32';
  return 'float64';
}

function padded(bytes: number): number {
  return Math.ceil(bytes / ALIGNMENT) * ALIGNMENT;
}

/** Concatenates named typed arrays (little-endian, 8-byte aligned) and returns their table of contents. */
export function packSections(sections: Record<string, SectionArray>): {
  entries: SectionEntry[];
  bytes: Buffer;
} {
  const entries: SectionEntry[] = [];
  let total = 0;
  for (const [name, array] of Object.entries(sections)) {
    entries.push({ name, type: typeOf(array), length: array.length });
    total += padded(array.byteLength);
  }
  const bytes = Buffer.alloc(total);
  let offset = 0;
  for (const array of Object.values(sections)) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += padded(array.byteLength);
  }
  return { entries, bytes };
}

/** Inverse of {@link packSections}; validates the table of contents against the bytes. */
export function unpackSections(
  entries: SectionEntry[],
  bytes: Buffer,
): Record<string, SectionArray> {
  const aligned = bytes.byteOffset % ALIGNMENT === 0 ? bytes : Buffer.from(bytes);
  const sections: Record<string, SectionArray> = {};
  let offset = 0;
  for (const entry of entries) {
    const Constructor = CONSTRUCTORS[entry.type];
    if (!Constructor || !Number.isInteger(entry.length) || entry.length < 0) {
      throw new ModelFormatError(
        `model file has an invalid section entry: ${JSON.stringify(entry)}`,
      );
    }
    const byteLength = entry.length * Constructor.BYTES_PER_ELEMENT;
    if (offset + byteLength > aligned.length) {
      throw new ModelFormatError(`model file is truncated: section "${entry.name}" does not fit`);
    }
    sections[entry.name] = new Constructor(
      aligned.buffer as ArrayBuffer,
      aligned.byteOffset + offset,
      entry.length,
    );
    offset += padded(byteLength);
  }
  if (offset !== aligned.length)
    throw new ModelFormatError('model file has trailing bytes after its sections');
  return sections;
}
