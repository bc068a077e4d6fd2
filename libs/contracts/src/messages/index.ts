export * from './parse-json-message';
