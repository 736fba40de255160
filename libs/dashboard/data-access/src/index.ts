export * from './apollo-client';
export * from './programme-frame.query';
export * from './session-provider';
export * from './session-store';
