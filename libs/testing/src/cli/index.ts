export * from './align-columns';
export * from './run-main';
