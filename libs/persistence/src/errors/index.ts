export * from './duplicate-keys';
