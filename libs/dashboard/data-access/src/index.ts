export * from './apollo-client';
export * from './domain-types';
export * from './generated/operations';
export * from './live-connection';
export * from './live-provider';
export * from './session-provider';
export * from './session-store';
export * from './use-presence';
