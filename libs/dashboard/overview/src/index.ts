export * from './focus-area-page';
export * from './municipality-page';
export * from './overview-page';
export * from './goal-page';
export * from './goals-page';
export * from './periods/period-bar';
export * from './periods/periods-page';
