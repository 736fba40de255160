export * from './config/config';
export * from './config/config.module';
export * from './errors/api-error';
export * from './errors/format-error';
export * from './errors/validation';
export * from './graphql/graphql-setup.module';
export * from './health/health.module';
export * from './paging/connection';
