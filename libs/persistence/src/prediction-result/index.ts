export * from './prediction-result.schema';
export * from './result-documents';
export * from './done-results';
