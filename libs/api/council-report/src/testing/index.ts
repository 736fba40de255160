export * from './fixture';
export * from './read-back';
