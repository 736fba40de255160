export * from './config/config';
export * from './config/config.module';
export * from './health/health.module';
export * from './graphql/graphql-setup.module';
