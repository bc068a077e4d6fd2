export * from './patterns';
export * from './prediction-requested';
export * from './rest';
