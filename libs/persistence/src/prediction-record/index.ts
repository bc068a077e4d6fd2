export * from './prediction-record.schema';
