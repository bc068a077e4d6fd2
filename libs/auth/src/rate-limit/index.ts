export * from './concurrency-limiter';
export * from './rate-limiter';
export * from './token-bucket';
