export * from './parties-page';
export * from './party-page';
export * from './networks-page';
export * from './network-page';
