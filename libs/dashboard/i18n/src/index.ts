export * from './translate';
export * from './i18n-provider';
export * from './document-title';
export type { MessageKey } from './messages.nb';
export * from './kroner';
