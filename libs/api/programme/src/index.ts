import './models/enums';
import './reporting/models/enums';

export * from './actions/actions.module';
export * from './indicators/indicators.module';
export * from './networks/networks.module';
export * from './parties/parties.module';
export * from './periods/periods.module';
export * from './programme/programme.module';
export * from './report-links/report-links.module';
export * from './reporting/reporting.module';
export { ReportingRoundsService } from './reporting/reporting-rounds.service';
export { ReportsService, type ReportAnswer } from './reporting/reports.service';
export * from './goals/goals.module';
export * from './governance/governance.module';
export * from './funding/funding.module';
export * from './snapshots/snapshots.module';
export * from './open-data/open-data.module';
export * from './exchange/exchange.module';
