import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LanguageIdentifier } from '../identifier/language-identifier';
import { trainTinyModel } from '../testing';
import { ModelFormatError } from './model-format-error';

const SAMPLES = [
  'Ich lese gern.',
  'Jag läser gärna.',
  'Я люблю читать.',
  '読書が好きです。',
  '',
  'hello',
];

/** The file with another format version and a matching checksum. */
function withVersion(file: Buffer, version: number): Buffer {
  const body = Buffer.from(file.subarray(0, file.length - 32));
  body.writeUInt32LE(version, 8);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

describe('model artifact', () => {
  let directory: string;
  let path: string;
  let original: LanguageIdentifier;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'sibyl-model-spec-'));
    const tiny = await trainTinyModel({ save: join(directory, 'nested', 'langid.model') });
    original = tiny.identifier;
    path = tiny.path as string;
  });

  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('round-trips: the loaded model has the same info and the same predictions', async () => {
    const loaded = await LanguageIdentifier.load(path);
    expect(loaded.info).toEqual(original.info);
    expect(loaded.predictMany(SAMPLES)).toEqual(original.predictMany(SAMPLES));
    expect(LanguageIdentifier.loadSync(path).predictMany(SAMPLES)).toEqual(
      original.predictMany(SAMPLES),
    );
  });

  it('starts with its signature and format version', async () => {
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 8).toString('ascii')).toBe('SIBYLLID');
    expect(bytes.readUInt32LE(8)).toBe(3);
  });

  it('round-trips pair stages', async () => {
    const { identifier } = await trainTinyModel({ pairStages: [['de', 'sv']] });
    expect(identifier.pairs).toEqual([['de', 'sv']]);
    const loaded = LanguageIdentifier.fromBuffer(identifier.toBuffer());
    expect(loaded.pairs).toEqual([['de', 'sv']]);
    expect(loaded.info).toEqual(identifier.info);
    const probes = [...SAMPLES, 'Ich lese gärna', 'Jag läser gern'];
    expect(loaded.predictMany(probes)).toEqual(identifier.predictMany(probes));
  });

  it('still reads format version 2 (language-ID v1 models: no pair stages)', async () => {
    const bytes = withVersion(await readFile(path), 2);
    const loaded = LanguageIdentifier.fromBuffer(bytes);
    expect(loaded.pairs).toEqual([]);
    expect(loaded.predictMany(SAMPLES)).toEqual(original.predictMany(SAMPLES));
  });

  it('refuses format version 1 with a clear error', async () => {
    const bytes = withVersion(await readFile(path), 1);
    expect(() => LanguageIdentifier.fromBuffer(bytes)).toThrow(
      /unsupported model format version 1 \(this build reads versions 2 and 3\); retrain/,
    );
  });

  it('rejects a file with one flipped bit (checksum)', async () => {
    const bytes = await readFile(path);
    bytes[Math.floor(bytes.length / 2)] ^= 0x10;
    expect(() => LanguageIdentifier.fromBuffer(bytes)).toThrow(ModelFormatError);
    expect(() => LanguageIdentifier.fromBuffer(bytes)).toThrow(/checksum mismatch/);
  });

  it('rejects a truncated file', async () => {
    const bytes = await readFile(path);
    expect(() => LanguageIdentifier.fromBuffer(bytes.subarray(0, bytes.length - 100))).toThrow(
      ModelFormatError,
    );
    expect(() => LanguageIdentifier.fromBuffer(bytes.subarray(0, 20))).toThrow(
      /not a Sibyl language model/,
    );
  });

  it('rejects foreign files with a clear error', async () => {
    const foreign = join(directory, 'foreign.model');
    await writeFile(foreign, gzipSync(Buffer.from(JSON.stringify({ weights: [1, 2, 3] }))));
    await expect(LanguageIdentifier.load(foreign)).rejects.toThrow(/not a Sibyl language model/);
    expect(() => LanguageIdentifier.fromBuffer(Buffer.alloc(0))).toThrow(ModelFormatError);
  });

  it('rejects a format version it does not know', async () => {
    const bytes = await readFile(path);
    bytes.writeUInt32LE(99, 8);
    expect(() => LanguageIdentifier.fromBuffer(bytes)).toThrow(
      /unsupported model format version 99/,
    );
  });

  it('reports a missing file with the file system error', async () => {
    await expect(LanguageIdentifier.load(join(directory, 'missing.model'))).rejects.toThrow(
      /ENOENT/,
    );
    await expect(LanguageIdentifier.load('' as string)).rejects.toThrow(TypeError);
  });
});
