export * from './prometheus-samples';
export * from './prometheus-text.parser';
export * from './prometheus-text.types';
