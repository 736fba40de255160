export * from './outbox-page';
export * from './mail-settings-page';
export * from './stop-mail-page';
