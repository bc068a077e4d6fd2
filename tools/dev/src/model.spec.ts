import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODEL_FORMAT_VERSION, MODEL_MAGIC } from '@sibyl/model';
import { modelFormatVersion } from './model';

describe('modelFormatVersion', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sibyl-model-version-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(bytes: Buffer): string {
    const path = join(dir, 'langid.model');
    writeFileSync(path, bytes);
    return path;
  }

  function header(version: number): Buffer {
    const versionBytes = Buffer.alloc(4);
    versionBytes.writeUInt32LE(version);
    return Buffer.concat([MODEL_MAGIC, versionBytes, Buffer.alloc(16)]);
  }

  it('reads the version of the current format', () => {
    expect(modelFormatVersion(file(header(MODEL_FORMAT_VERSION)))).toBe(MODEL_FORMAT_VERSION);
  });

  it('reads an older version, which ensureModel retrains', () => {
    expect(modelFormatVersion(file(header(2)))).toBe(2);
  });

  it('answers undefined for a file that is not a Sibyl model or too short', () => {
    expect(modelFormatVersion(file(Buffer.from('not a model at all, just text')))).toBeUndefined();
    expect(modelFormatVersion(file(Buffer.from('SIB')))).toBeUndefined();
  });
});
