import { registerEnumType } from '@nestjs/graphql';
import { REPORT_STATES, REPORTING_ROUND_STATES, type ReportingRoundState, type ReportState } from '@tiltak/domain';

export const ReportingRoundStateEnum = Object.fromEntries(REPORTING_ROUND_STATES.map((v) => [v, v])) as Record<
  ReportingRoundState,
  ReportingRoundState
>;
export const ReportStateEnum = Object.fromEntries(REPORT_STATES.map((v) => [v, v])) as Record<ReportState, ReportState>;

registerEnumType(ReportingRoundStateEnum, {
  name: 'ReportingRoundState',
  description: 'OPEN takes reports; CLOSED has its reports frozen.',
});
registerEnumType(ReportStateEnum, {
  name: 'ReportState',
  description: 'RETURNED: sent back by a coordinator with a comment, to be submitted again.',
});
