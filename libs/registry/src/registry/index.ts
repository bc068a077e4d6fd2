export * from './model-registry';
export * from './model-registry.types';
export * from './model-promoted-event';
export * from './unannounced-change';
