export * from './async';
export * from './messages';
export * from './model-promoted';
export * from './patterns';
export * from './prediction-completed';
export * from './prediction-requested';
export * from './rest';
