export * from './errors';
export * from './feedback';
export * from './outbox-cursor';
export * from './prediction-record';
export * from './prediction-result';
export * from './writes';
