export * from './action-page';
export * from './actions-page';
