export * from './prediction-result.schema';
export * from './result-documents';
