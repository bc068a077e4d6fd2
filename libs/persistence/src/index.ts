export * from './prediction-record';
