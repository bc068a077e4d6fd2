export * from './model-record';
