export * from './model-chunks';
