export * from './auth-module-options.interface';
export * from './auth.constants';
export { AUTH_OPTIONS } from './auth.module-definition';
export * from './auth.module';
