export * from './prediction-requested.v1';
