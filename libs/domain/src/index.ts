export * from './lib/clock';
export * from './lib/enums';
export * from './lib/municipality';
export * from './lib/period';
export * from './lib/policy';
export * from './lib/progress';
export * from './lib/health';
export * from './lib/live';
