export * from './apollo-client';
export * from './programme-frame.query';
