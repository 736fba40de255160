export * from './action-table';
export * from './card-list';
export * from './health-tags';
export * from './indicator-chart';
export * from './language-switch';
export * from './progress-bar';
export * from './progress-matrix';
export * from './status-message';
