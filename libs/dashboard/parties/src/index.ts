export * from './parties-page';
export * from './party-page';
