import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { corpusSha256, deterministicGzip } from './write-corpus';

describe('deterministicGzip', () => {
  it('produces identical bytes for identical text, with no mtime and no file name', () => {
    const a = deterministicGzip('hej\nhopp\n');
    const b = deterministicGzip('hej\nhopp\n');
    expect(a.equals(b)).toBe(true);
    expect(a.readUInt32LE(4)).toBe(0); // MTIME
    expect(a[3] & 0x08).toBe(0); // FNAME flag
    expect(gunzipSync(a).toString('utf8')).toBe('hej\nhopp\n');
  });
});

describe('corpusSha256', () => {
  it('hashes "<sha256>  <file without .gz>" lines sorted by file name', () => {
    const files = [
      { file: 'sv.txt.gz', textSha256: 'b'.repeat(64) },
      { file: 'da.txt.gz', textSha256: 'a'.repeat(64) },
    ];
    const expected = createHash('sha256')
      .update(`${'a'.repeat(64)}  da.txt\n${'b'.repeat(64)}  sv.txt\n`)
      .digest('hex');
    expect(corpusSha256(files)).toBe(expected);
    expect(corpusSha256([...files].reverse())).toBe(expected);
  });
});
