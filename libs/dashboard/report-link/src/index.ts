export * from './report-link-page';
