// The load tool's reusable parts (the chaos tool drives its own stack and faults with them).
export * from './http/http-client';
export * from './progress/progress-display';
export * from './report/run-environment';
export * from './scheduler/arrival-scheduler';
export * from './scheduler/clock';
export * from './stack/app-process';
export * from './stack/free-port';
export * from './stack/private-ferretdb';
export * from './stack/stack-cleanup';
export * from './submit/prediction-submitter';
export * from './submit/submission-log';
export * from './texts/labelled-texts';
export * from './verify/prediction-verifier';
export * from './fill/database-fill';
export * from './fill/storage-multiply';
export * from './stats/percentiles';
export * from './fill/fill-documents';
