export * from './model-version';
