export * from './outbox-cursor.schema';
