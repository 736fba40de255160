export * from './programme.module';
