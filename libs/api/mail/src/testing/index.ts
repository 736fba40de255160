export * from './smtp-peer';
