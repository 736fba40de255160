export * from './sign-in-page';
export * from './session-timeout';
