import type { ProgressCell } from '@tiltak/dashboard-data-access';
import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import { figuresKey, HealthTags, ProgressBar } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';

export interface MatrixCellProps {
  cell: ProgressCell | undefined;
  municipality: string;
  focusArea: string;
  /** "old → new" for each figure that just changed. */
  changes: string[] | null;
  worst: boolean;
  id?: string;
}

/**
 * One municipality × focus area: progress against expected, the actions by health in colour, sign
 * and words, stale actions and overdue milestones. The link's text is everything the cell shows,
 * so a screen reader's list of links says as much as the screen.
 */
export function MatrixCell({ cell, municipality, focusArea, changes, worst, id }: MatrixCellProps) {
  const { t, locale } = useI18n();
  if (!cell || cell.actionCount === 0) return <span className="matrix__empty">{t('overview.noActions')}</span>;
  const percent = (value: number | null) => formatPercent(locale, value);
  return (
    <Link
      id={id}
      to={`/actions?municipality=${cell.municipalityId}&focusArea=${cell.focusAreaId}`}
      className="matrix__link"
      data-figures={figuresKey(cell)}
    >
      <span className="visually-hidden">{t('overview.cellName', { municipality, focusArea })} </span>
      {worst && <span className="matrix__worst">{t('overview.worstCell')}</span>}
      <ProgressBar value={cell.progress} expected={cell.expectedProgress} text={percent(cell.progress)} />
      <span className="matrix__expected">
        {' '}
        {t('overview.ofExpected', { expected: percent(cell.expectedProgress) })}
      </span>
      <HealthTags counts={cell.byHealth} stale={cell.stale} />
      {cell.overdueMilestones > 0 && (
        <span className="matrix__counts">{t('overview.overdue', { count: cell.overdueMilestones })}</span>
      )}
      {changes && changes.length > 0 && (
        <span className="matrix__change">
          <span className="change-badge">{t('overview.changedBadge')}</span> {changes.join(', ')}
        </span>
      )}
      <span className="visually-hidden">. {t('overview.showActions')}</span>
    </Link>
  );
}
