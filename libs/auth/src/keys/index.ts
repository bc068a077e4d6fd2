export * from './api-key';
export * from './api-key.schema';
export * from './api-key.store';
export * from './key-verifier';
export * from './scopes';
