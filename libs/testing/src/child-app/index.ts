export * from './child-app';
