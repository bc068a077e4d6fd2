export * from './model-registry';
export * from './model-registry.types';
