export * from './actions.query';
export * from './apollo-client';
export * from './live-connection';
export * from './live-provider';
export * from './programme-frame.query';
export * from './progress-overview.query';
export * from './session-provider';
export * from './session-store';
