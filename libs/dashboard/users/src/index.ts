export * from './users-page';
export * from './audit-log-page';
