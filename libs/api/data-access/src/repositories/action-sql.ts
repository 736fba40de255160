/**
 * SQL fragments for an action's effective health and lateness, with `:today` as a parameter. They
 * call the migration's `tiltak_health`, which mirrors libs/domain's `assessHealth`.
 */
export const ACTION_HEALTH_SQL = `COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, :today))`;

/** How many points an action is behind the progress expected by `:today` (negative when ahead). */
export const ACTION_GAP_SQL = `(tiltak_expected_progress(a.start_date, a.due_date, :today) - a.progress)`;

export const ACTION_OVERDUE_SQL = `(a.status NOT IN ('COMPLETED', 'CANCELLED') AND (a.due_date < :today OR EXISTS (
  SELECT 1 FROM milestone om WHERE om.action_id = a.id AND om.completed_on IS NULL AND om.due_date < :today)))`;

/** The number in an action code, `LOG-12` → 12, for ordering codes as people read them. */
export const ACTION_NUMBER_SQL = `split_part(a.code, '-', 2)::int`;
