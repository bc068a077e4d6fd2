export * from './prediction-completed.v1';
