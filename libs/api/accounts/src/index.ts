export * from './accounts.module';
export * from './passwords';
export * from './tokens.service';
export { REFRESH_REUSE_GRACE_SECONDS } from './auth.service';
