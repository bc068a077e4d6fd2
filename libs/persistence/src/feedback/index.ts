export * from './feedback-record.schema';
export * from './feedback.log';
