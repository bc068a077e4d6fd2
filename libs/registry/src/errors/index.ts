export * from './registry-errors';
