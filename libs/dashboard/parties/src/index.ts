export * from './parties-page';
