import { ModelChecksumError } from '../errors';
import { sha256Hex } from '../version';

/** One stored piece of an artifact, as read back. */
export interface StoredChunk {
  n: number;
  data: Uint8Array | { buffer: Uint8Array };
}

/** What the `models` document says the artifact is. */
export interface ExpectedArtifact {
  version: string;
  sha256: string;
  size: number;
  chunks: number;
}

/** Splits bytes into pieces of at most `chunkBytes` (views, no copy). An empty artifact is one empty chunk. */
export function splitIntoChunks(bytes: Uint8Array, chunkBytes: number): Buffer[] {
  if (!Number.isInteger(chunkBytes) || chunkBytes <= 0) {
    throw new RangeError(`chunk size must be a positive integer, got ${chunkBytes}`);
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: Buffer[] = [];
  for (let offset = 0; offset < buffer.length; offset += chunkBytes) {
    chunks.push(buffer.subarray(offset, offset + chunkBytes));
  }
  return chunks.length > 0 ? chunks : [Buffer.alloc(0)];
}

/**
 * Reassembles stored chunks (in any order) and verifies them against the record: every chunk
 * present once, the size and the SHA-256. Throws {@link ModelChecksumError} saying what is wrong.
 */
export function assembleArtifact(expected: ExpectedArtifact, stored: StoredChunk[]): Buffer {
  const sorted = [...stored].sort((a, b) => a.n - b.n);
  const numbers = sorted.map((chunk) => chunk.n);
  const complete = numbers.length === expected.chunks && numbers.every((n, index) => n === index);
  if (!complete) {
    throw new ModelChecksumError(
      expected.version,
      `expected chunks 0..${expected.chunks - 1}, found [${numbers.join(', ')}]`,
    );
  }
  const bytes = Buffer.concat(sorted.map((chunk) => toBytes(chunk.data)));
  if (bytes.length !== expected.size) {
    throw new ModelChecksumError(
      expected.version,
      `size ${bytes.length} bytes, recorded ${expected.size}`,
    );
  }
  const sha256 = sha256Hex(bytes);
  if (sha256 !== expected.sha256) {
    throw new ModelChecksumError(
      expected.version,
      `sha256 ${sha256} does not match the recorded ${expected.sha256}`,
    );
  }
  return bytes;
}

/** The bytes of a chunk's `data`: a driver `Binary` (its `buffer`) or plain bytes. */
function toBytes(data: StoredChunk['data']): Uint8Array {
  return data instanceof Uint8Array ? data : data.buffer;
}
