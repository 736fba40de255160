export * from './actions-page';
