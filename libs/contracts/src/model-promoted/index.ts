export * from './model-promoted.v1';
