export * from './database-deadline';
export * from './database-retry';
export * from './database-unavailable';
export * from './duplicate-keys';
