export * from './change-feed';
export * from './change-stream';
export * from './live.module';
