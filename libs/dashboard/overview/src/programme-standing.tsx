import type { ProgressOverviewQuery } from '@tiltak/dashboard-data-access';
import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import { HealthTag, ProgressBar } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';
import { gapOf } from './figures';

type Programme = NonNullable<ProgressOverviewQuery['currentProgramme']>;

const UNFINISHED = 'status=NOT_STARTED&status=IN_PROGRESS&status=ON_HOLD';

/** The filtered actions list that finds exactly the actions a count on the overview counts. */
export const atRiskListUrl = (healths: readonly string[]) =>
  `/actions?${healths.map((h) => `health=${h}`).join('&')}&${UNFINISHED}&sort=health`;

/**
 * The programme in two lines: progress against what was expected by today, and its actions by
 * health, each count opening the list of those actions.
 */
export function ProgrammeStanding({
  programme,
  change,
  worst,
}: {
  programme: Programme;
  /** "old → new" while the programme's progress has just changed. */
  change: string | null;
  /** The worst cell, named, with the id of its element. */
  worst: { label: string; targetId: string } | null;
}) {
  const { t, locale } = useI18n();
  const percent = (value: number | null) => formatPercent(locale, value);
  const { standing } = programme;
  const gap = gapOf(programme.progress, standing.expectedProgress);
  return (
    <section aria-labelledby="programme-progress" className="standing">
      <h2 id="programme-progress" className="standing__title">
        {t('overview.programmeProgress')}
      </h2>
      <p className={`standing__progress${change ? ' standing__progress--changed' : ''}`}>
        <ProgressBar
          value={programme.progress}
          expected={standing.expectedProgress}
          text={t('overview.progressOfExpected', {
            progress: percent(programme.progress),
            expected: percent(standing.expectedProgress),
          })}
        />
        {gap !== null && gap !== 0 && (
          <span className="standing__gap">
            {gap > 0 ? t('overview.behind', { points: gap }) : t('overview.ahead', { points: -gap })}
          </span>
        )}
        {change && (
          <span className="matrix__change">
            <span className="change-badge">{t('overview.changedBadge')}</span> {change}
          </span>
        )}
      </p>
      <ul className="standing__health">
        <li>
          <Link to={atRiskListUrl(['OFF_TRACK'])}>
            <HealthTag health="OFF_TRACK" text={t('overview.health.OFF_TRACK', { count: standing.offTrack })} />
          </Link>
        </li>
        <li>
          <Link to={atRiskListUrl(['AT_RISK'])}>
            <HealthTag health="AT_RISK" text={t('overview.health.AT_RISK', { count: standing.atRisk })} />
          </Link>
        </li>
        <li>
          <HealthTag health="ON_TRACK" text={t('overview.health.ON_TRACK', { count: standing.onTrack })} />
        </li>
        {standing.stale > 0 && (
          <li>
            <span className="health-tag health-tag--stale">
              <span className="health-tag__icon" aria-hidden="true">
                ◷
              </span>{' '}
              {t('overview.staleCount', { count: standing.stale })}
            </span>
          </li>
        )}
        {worst && (
          <li>
            <a href={`#${worst.targetId}`} className="standing__worst">
              {worst.label}
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}
