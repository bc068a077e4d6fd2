/** Model versions the Models panel shows at most (live and served first, then the newest registered). */
export const MAX_VERSIONS_SHOWN = 8;

/** Newest changelog entries of the live model the panel lists. */
export const CHANGELOG_SHOWN = 20;

/** How long one gateway call of the panel may take. */
export const MODELS_FETCH_TIMEOUT_MS = 5000;
