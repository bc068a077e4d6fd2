/** Base path of key management. */
export const KEYS_PATH = 'v1/keys';
