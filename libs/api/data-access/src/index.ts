export * from './entities';
export * from './database/data-source';
export * from './database/database.module';
export * from './database/embedded-database';
export * from './database/migrate';
export * from './demo/load-demo-programme';
export * from './repositories/programme.repository';
