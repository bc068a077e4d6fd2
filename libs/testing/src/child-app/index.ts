export * from './child-app';
export * from './run-cli';
