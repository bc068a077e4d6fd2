export * from './chunks';
export * from './errors';
export * from './gate';
export * from './model-record';
export * from './registry';
export * from './registry.constants';
export * from './shadow';
export * from './version';
