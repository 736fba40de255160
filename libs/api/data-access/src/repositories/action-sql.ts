/**
 * SQL fragments for an action's effective health and lateness, with `:today` as a parameter. They
 * call the migration's `tiltak_health`, which mirrors libs/domain's `assessHealth`.
 */
export const ACTION_HEALTH_SQL = `COALESCE(a.health_override, tiltak_health(a.status, a.progress, a.start_date, a.due_date, :today))`;

/** How many points an action is behind the progress expected by `:today` (negative when ahead). */
export const ACTION_GAP_SQL = `(tiltak_expected_progress(a.start_date, a.due_date, :today) - a.progress)`;
/**
 * An action's status and health in the municipality `:localMunicipality`, as the matrix counts them
 * (the kept-figures migration's `tiltak_action_figures`): its own figures where it set any, the
 * action's otherwise.
 */
const LOCAL_PACE = `FROM participation lp WHERE lp.action_id = a.id AND lp.municipality_id = :localMunicipality`;
export const LOCAL_STATUS_SQL = `COALESCE((SELECT lp.status ${LOCAL_PACE}), a.status)`;
export const LOCAL_HEALTH_SQL = `(SELECT CASE WHEN lp.status IS NULL AND lp.progress IS NULL THEN ${ACTION_HEALTH_SQL}
  ELSE tiltak_health(COALESCE(lp.status, a.status), COALESCE(lp.progress, a.progress), a.start_date, a.due_date, :today)
  END ${LOCAL_PACE})`;

export const ACTION_OVERDUE_SQL = `(a.status NOT IN ('COMPLETED', 'CANCELLED') AND (a.due_date < :today OR EXISTS (
  SELECT 1 FROM milestone om WHERE om.action_id = a.id AND om.completed_on IS NULL AND om.due_date < :today)))`;

/** The number in an action code, `LOG-12` → 12, for ordering codes as people read them. */
export const ACTION_NUMBER_SQL = `split_part(a.code, '-', 2)::int`;
