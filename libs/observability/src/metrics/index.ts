export * from './metrics.constants';
export * from './metrics.controller';
export * from './metrics.module';
export * from './metrics.registry';
export * from './metrics-module-options.interface';
export * from './state-gauge';
