export * from './endpoint';
export * from './ferretdb';
export * from './mongo';
export * from './rabbitmq';
export * from './workspace-root';
export * from './listening-pid';
export * from './git';
