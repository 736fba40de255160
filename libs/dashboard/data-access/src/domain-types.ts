import type {
  ActionDetailFragment,
  ActionFilterInput,
  ActionRowFragment,
  IndicatorSeriesFragment,
  ProgressCellFragment,
  SessionFieldsFragment,
  UpdateActionStatusInput,
} from './generated/operations';

// Short names for the generated shapes the pages pass around.
export type ActionDetail = ActionDetailFragment;
export type ActionRow = ActionRowFragment;
export type ActionFilter = ActionFilterInput;
export type IndicatorSeries = IndicatorSeriesFragment;
export type ProgressCell = ProgressCellFragment;
export type Session = SessionFieldsFragment;
export type SessionUser = Session['user'];
export type StatusUpdateInput = UpdateActionStatusInput;
