export * from './exposition';
export * from './metrics';
