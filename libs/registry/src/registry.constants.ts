/** Collection holding one document per model version (`_id` = version). */
export const MODELS_COLLECTION = 'models';
/** Collection holding the artifact bytes, `{ _id: "<version>:<n>", version, n, data }`. */
export const MODEL_CHUNKS_COLLECTION = 'model_chunks';
/**
 * Artifact bytes per chunk document: 1 MiB less 1 KiB, so that a whole chunk document (bytes,
 * `_id`, `version`, `n` and BSON framing) stays within 1 MiB. GridFS is not used (FerretDB lacks it).
 */
export const CHUNK_BYTES = 1024 * 1024 - 1024;
/** Chunk documents written per insert round trip. */
export const CHUNKS_PER_WRITE = 4;
/**
 * Chunk documents read at once, each by `_id`: FerretDB answers an `_id` lookup from its primary key, while a
 * `find({version})` decodes every chunk of every stored version (2.6–3.2 s against 0.6–1.0 s for a 3 MiB
 * artifact among three, measured on the shared machine).
 */
export const CHUNKS_PER_READ = 4;
/** Prefix of every content-derived version: `langid-<first 12 hex of sha256>`. */
export const MODEL_VERSION_PREFIX = 'langid';
/** Hex digits of the artifact's SHA-256 that make up its version. */
export const MODEL_VERSION_HEX_DIGITS = 12;
/** Name recorded for a model when `add` is given none (the artifact's `model.info` name). */
export const DEFAULT_MODEL_NAME = 'sibyl-langid';
/**
 * Default promotion margin: a candidate may be at most this much below the live model's held-out
 * accuracy (0.002 = 0.2 percentage points). Apps read PROMOTION_MAX_ACCURACY_DROP.
 */
export const DEFAULT_PROMOTION_MAX_ACCURACY_DROP = 0.002;
/** MongoDB's (and FerretDB's) duplicate key error code. */
export const DUPLICATE_KEY = 11000;
/**
 * Default period of a predictor's re-check of the live model (MODEL_RECHECK_INTERVAL_MS): a promotion
 * whose `model.promoted.v1` event was lost reaches every predictor within it.
 */
export const DEFAULT_MODEL_RECHECK_INTERVAL_MS = 30000;
/** Collection holding the active shadow run (`_id: "active"`) and the finished ones (`_id` = run id). */
export const SHADOW_RUNS_COLLECTION = 'shadow_runs';
/** Collection holding the candidate's shadow predictions, `_id` = `<run id>:<tracking id>`. */
export const SHADOW_RESULTS_COLLECTION = 'shadow_results';
/** Characters of a text kept in a shadow result (and so in a report's disagreements). */
export const SHADOW_TEXT_CHARS = 300;
/** Disagreements a shadow report lists (the first ones found, in prediction order). */
export const SHADOW_DISAGREEMENTS_KEPT = 50;
/** Shadow predictions a run stops after when `--max` is not given. */
export const DEFAULT_SHADOW_MAX = 10000;
/** Largest `--max`: a report reads every shadow result of its run. */
export const SHADOW_MAX_LIMIT = 100000;
