import { ModelChecksumError } from '../errors';
import { sha256Hex } from '../version';
import { assembleArtifact, splitIntoChunks } from './model-chunks';

describe('model chunks', () => {
  const bytes = Buffer.from(Array.from({ length: 25 }, (_, i) => i));
  const expected = { version: 'langid-x', sha256: sha256Hex(bytes), size: 25, chunks: 3 };
  const stored = () => splitIntoChunks(bytes, 10).map((data, n) => ({ n, data }));

  it('splits into pieces of at most the chunk size', () => {
    expect(splitIntoChunks(bytes, 10).map((c) => c.length)).toEqual([10, 10, 5]);
    expect(splitIntoChunks(Buffer.alloc(0), 10)).toHaveLength(1);
    expect(() => splitIntoChunks(bytes, 0)).toThrow(RangeError);
  });

  it('reassembles chunks in any order, also from driver Binary values', () => {
    const shuffled = stored().reverse();
    expect(assembleArtifact(expected, shuffled).equals(bytes)).toBe(true);
    const binaries = stored().map(({ n, data }) => ({ n, data: { buffer: new Uint8Array(data) } }));
    expect(assembleArtifact(expected, binaries).equals(bytes)).toBe(true);
  });

  it('refuses a corrupted chunk with the checksums in the message', () => {
    const chunks = stored();
    chunks[1] = { n: 1, data: Buffer.from(chunks[1].data).fill(0) };
    expect(() => assembleArtifact(expected, chunks)).toThrow(ModelChecksumError);
    expect(() => assembleArtifact(expected, chunks)).toThrow(/sha256 [0-9a-f]{64} does not match/);
  });

  it('refuses missing chunks and a wrong size', () => {
    expect(() => assembleArtifact(expected, stored().slice(0, 2))).toThrow(
      /expected chunks 0..2, found \[0, 1\]/,
    );
    const truncated = stored();
    truncated[2] = { n: 2, data: truncated[2].data.subarray(0, 4) };
    expect(() => assembleArtifact(expected, truncated)).toThrow(/size 24 bytes, recorded 25/);
  });
});
