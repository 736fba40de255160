export * from './test-database';
export * from './silencing-proxy';
export * from './until';
