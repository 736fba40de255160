export * from './accounts.module';
export * from './passwords';
export * from './tokens.service';
