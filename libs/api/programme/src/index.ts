import './models/enums';

export * from './actions/actions.module';
export * from './indicators/indicators.module';
export * from './parties/parties.module';
export * from './programme/programme.module';
export * from './report-links/report-links.module';
