export * from './translate';
export * from './i18n-provider';
export type { MessageKey } from './messages.nb';
