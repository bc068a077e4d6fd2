export * from './outbox-cursor.schema';
export * from './republish-marker';
