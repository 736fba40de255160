export * from './action-page';
export * from './actions-page';
export * from './my-actions-page';
export * from './proposals-page';
