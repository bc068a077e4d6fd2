import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Alphabet } from '../features/alphabet';
import { TfidfVectorizer, VectorizerOptions } from '../features/tfidf-vectorizer';
import { PairClassifier } from '../pairs/pair-classifier';
import { MODEL_NAME, ModelInfo } from './model-info';
import type { Int8Rows, LinearModel } from '../svm/linear-model';
import { ModelFormatError } from './model-format-error';
import { SectionArray, SectionEntry, packSections, unpackSections } from './typed-sections';

/** First bytes of every model file. */
export const MODEL_MAGIC = Buffer.from('SIBYLLID', 'ascii');
/** Layout version written by this code. */
export const MODEL_FORMAT_VERSION = 3;
/**
 * Layout versions `load()` reads: 3 (with pair stages) and 2 (the same without them, the
 * language-ID v1 models). Version 1 (dense int8 weights) is refused with a clear error.
 */
export const READABLE_FORMAT_VERSIONS: readonly number[] = [2, 3];
const CHECKSUM_BYTES = 32;
const FIXED_HEADER_BYTES = MODEL_MAGIC.length + 4 + 4;

/** The pieces of a trained language identifier. */
export interface ModelParts {
  info: ModelInfo;
  vectorizer: TfidfVectorizer;
  linear: LinearModel;
  /** Softmax temperature turning decision values into confidences. */
  temperature: number;
  /** Second stages for confusable pairs (none in format version 2). */
  pairs: PairClassifier[];
}

/** How a pair stage is described in the header; its arrays are `pair<i>.*` sections. */
interface StoredPair {
  languages: [string, string];
  intercept: number;
  vectorizer: VectorizerOptions;
}

interface StoredHeader extends ModelInfo {
  calibration: { temperature: number };
  pairs?: StoredPair[];
  sections: SectionEntry[];
}

/**
 * Serializes a model. Layout (format version 3; version 2 is the same without pair stages,
 * version 1 stored dense int8 weights):
 * `SIBYLLID` · uint32 LE format version · uint32 LE header length · header (UTF-8 JSON:
 * model info, calibration, section table) · gzip(sections: alphabet (int32 code points), keys
 * (float64, ascending), idf (float32), then either weights (float32, feature-major) or int8 rows
 * (rowStarts int32, rowClasses uint8, rowValues int8, rowScales float32), intercepts (float32),
 * then per pair stage i: pair<i>.alphabet, pair<i>.keys, pair<i>.idf, pair<i>.weights (float32);
 * little-endian, 8-byte aligned) ·
 * SHA-256 of all preceding bytes.
 */
export function encodeModel(parts: ModelParts): Buffer {
  const { info, vectorizer, linear } = parts;
  const sections: Record<string, SectionArray> = {
    alphabet: vectorizer.alphabet.codePoints(),
    keys: vectorizer.keys,
    idf: vectorizer.idf,
  };
  if (linear.int8Rows) {
    sections.rowStarts = linear.int8Rows.starts;
    sections.rowClasses = linear.int8Rows.classes;
    sections.rowValues = linear.int8Rows.values;
    sections.rowScales = linear.int8Rows.scales;
  } else if (linear.weights) {
    sections.weights = linear.weights;
  }
  sections.intercepts = linear.intercepts;
  parts.pairs.forEach((pair, i) => {
    sections[`pair${i}.alphabet`] = pair.vectorizer.alphabet.codePoints();
    sections[`pair${i}.keys`] = pair.vectorizer.keys;
    sections[`pair${i}.idf`] = pair.vectorizer.idf;
    sections[`pair${i}.weights`] = pair.weights;
  });
  const packed = packSections(sections);
  const header: StoredHeader = {
    ...info,
    name: MODEL_NAME,
    formatVersion: MODEL_FORMAT_VERSION,
    calibration: { temperature: parts.temperature },
    pairs: parts.pairs.map((pair) => ({
      languages: [pair.languages[0], pair.languages[1]],
      intercept: pair.intercept,
      vectorizer: pair.vectorizer.options,
    })),
    sections: packed.entries,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const fixed = Buffer.alloc(FIXED_HEADER_BYTES);
  MODEL_MAGIC.copy(fixed, 0);
  fixed.writeUInt32LE(MODEL_FORMAT_VERSION, MODEL_MAGIC.length);
  fixed.writeUInt32LE(headerBytes.length, MODEL_MAGIC.length + 4);
  const body = Buffer.concat([fixed, headerBytes, gzipSync(packed.bytes, { level: 9 })]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

/**
 * Parses and verifies a model file.
 * @throws ModelFormatError for a foreign, corrupted, truncated or unsupported file
 */
export function decodeModel(file: Uint8Array): ModelParts {
  const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (
    buffer.length < FIXED_HEADER_BYTES + CHECKSUM_BYTES ||
    !buffer.subarray(0, MODEL_MAGIC.length).equals(MODEL_MAGIC)
  ) {
    throw new ModelFormatError(
      'not a Sibyl language model: the file does not start with the SIBYLLID signature',
    );
  }
  const formatVersion = buffer.readUInt32LE(MODEL_MAGIC.length);
  if (!READABLE_FORMAT_VERSIONS.includes(formatVersion)) {
    throw new ModelFormatError(
      `unsupported model format version ${formatVersion} (this build reads versions ${READABLE_FORMAT_VERSIONS.join(' and ')}); retrain it with \`npm run langid -- train\``,
    );
  }
  const body = buffer.subarray(0, buffer.length - CHECKSUM_BYTES);
  const checksum = createHash('sha256').update(body).digest();
  if (!checksum.equals(buffer.subarray(buffer.length - CHECKSUM_BYTES))) {
    throw new ModelFormatError('model file is corrupted: SHA-256 checksum mismatch');
  }
  const headerLength = buffer.readUInt32LE(MODEL_MAGIC.length + 4);
  const payloadStart = FIXED_HEADER_BYTES + headerLength;
  if (payloadStart > body.length)
    throw new ModelFormatError('model file is truncated: header does not fit');
  const header = parseHeader(body.subarray(FIXED_HEADER_BYTES, payloadStart));
  let payload: Buffer;
  try {
    payload = gunzipSync(body.subarray(payloadStart));
  } catch (error) {
    throw new ModelFormatError('model file is corrupted: weights do not decompress', {
      cause: error,
    });
  }
  return assemble(header, unpackSections(header.sections, payload));
}

function parseHeader(bytes: Buffer): StoredHeader {
  let header: StoredHeader;
  try {
    header = JSON.parse(bytes.toString('utf8')) as StoredHeader;
  } catch (error) {
    throw new ModelFormatError('model file is corrupted: header is not JSON', { cause: error });
  }
  if (
    header?.name !== MODEL_NAME ||
    !Array.isArray(header.sections) ||
    !Array.isArray(header.classes)
  ) {
    throw new ModelFormatError(
      `not a Sibyl language model: header names "${String(header?.name)}"`,
    );
  }
  return header;
}

function assemble(header: StoredHeader, sections: Record<string, SectionArray>): ModelParts {
  const { calibration, sections: _entries, pairs: storedPairs = [], ...info } = header;
  const classCount = info.classes.length;
  const keys = sections.keys as Float64Array;
  const weights = (sections.weights as Float32Array | undefined) ?? null;
  const int8Rows = sections.rowStarts
    ? {
        starts: sections.rowStarts as Int32Array,
        classes: sections.rowClasses as Uint8Array,
        values: sections.rowValues as Int8Array,
        scales: sections.rowScales as Float32Array,
      }
    : null;
  if (
    !keys ||
    sections.intercepts?.length !== classCount ||
    !consistentWeights(weights, int8Rows, keys.length, classCount)
  ) {
    throw new ModelFormatError(
      'model file is inconsistent: section sizes do not match the classes',
    );
  }
  const vectorizer = new TfidfVectorizer(
    info.hyperParameters.vectorizer,
    Alphabet.fromCodePoints(sections.alphabet as Int32Array),
    keys,
    sections.idf as Float32Array,
  );
  const linear: LinearModel = {
    classCount,
    featureCount: keys.length,
    weights,
    int8Rows,
    intercepts: sections.intercepts as Float32Array,
  };
  const pairs = storedPairs.map((stored, i) => assemblePair(stored, i, sections, info.classes));
  return { info, vectorizer, linear, temperature: calibration.temperature, pairs };
}

function assemblePair(
  stored: StoredPair,
  i: number,
  sections: Record<string, SectionArray>,
  classes: readonly string[],
): PairClassifier {
  const keys = sections[`pair${i}.keys`] as Float64Array | undefined;
  const idf = sections[`pair${i}.idf`] as Float32Array | undefined;
  const weights = sections[`pair${i}.weights`] as Float32Array | undefined;
  const alphabet = sections[`pair${i}.alphabet`] as Int32Array | undefined;
  if (
    !keys ||
    !alphabet ||
    idf?.length !== keys.length ||
    weights?.length !== keys.length ||
    !stored.languages?.every((language) => classes.includes(language))
  ) {
    throw new ModelFormatError(`model file is inconsistent: pair stage ${i} does not fit`);
  }
  const vectorizer = new TfidfVectorizer(
    stored.vectorizer,
    Alphabet.fromCodePoints(alphabet),
    keys,
    idf,
  );
  return new PairClassifier(stored.languages, vectorizer, weights, stored.intercept);
}

function consistentWeights(
  weights: Float32Array | null,
  rows: Int8Rows | null,
  featureCount: number,
  classCount: number,
): boolean {
  if (weights) return !rows && weights.length === featureCount * classCount;
  if (!rows || rows.starts?.length !== featureCount + 1 || rows.scales?.length !== featureCount)
    return false;
  const nonZeros = rows.starts[featureCount];
  if (rows.classes?.length !== nonZeros || rows.values?.length !== nonZeros) return false;
  for (let f = 0; f < featureCount; f++) if (rows.starts[f + 1] < rows.starts[f]) return false;
  for (let j = 0; j < nonZeros; j++) if (rows.classes[j] >= classCount) return false;
  return true;
}
