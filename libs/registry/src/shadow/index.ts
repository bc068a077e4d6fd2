export * from './shadow-report';
export * from './shadow-run';
export * from './shadow-runs';
export * from './shadow-sampling';
