export * from './council-report.module';
export * from './lib/catalogue';
export * from './lib/council-report';
export type { CouncilReportInput } from './lib/report-content';
