export * from './exchange-page';
