export * from './card-list';
export * from './language-switch';
export * from './status-message';
