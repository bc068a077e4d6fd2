export * from './cli';
export * from './child-app';
export * from './infra';
export * from './namespace';
export * from './tcp-proxy';
export * from './wait-for';
