export * from './users-page';
