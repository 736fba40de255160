export * from './lib/municipality';
export * from './lib/period';
export * from './lib/health';
