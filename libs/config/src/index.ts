export * from './base-environment';
export * from './log-levels';
export * from './validate-env';
