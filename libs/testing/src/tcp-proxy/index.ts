export * from './tcp-proxy';
