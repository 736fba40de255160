export * from './council-report-page';
