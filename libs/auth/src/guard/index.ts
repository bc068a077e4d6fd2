export * from './api-key.guard';
export * from './auth.constants';
export * from './auth.decorators';
export * from './client-ip';
export * from './rate-limit.headers';
