export * from './feedback-record.schema';
export * from './feedback.log';
export * from './feedback-export';
