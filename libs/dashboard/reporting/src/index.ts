export * from './my-reports-page';
export * from './rounds-page';
export * from './round-page';
