export * from './action-table';
export * from './card-list';
export * from './indicator-chart';
export * from './language-switch';
export * from './progress-bar';
export * from './progress-matrix';
export * from './status-message';
export * from './route-focus';
