export * from './guard';
export * from './keys';
export * from './module';
export * from './rate-limit';
