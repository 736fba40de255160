import type { ProgressCell } from '@tiltak/dashboard-data-access';
import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import { figuresKey, ProgressBar } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';

export interface CellTableRow {
  id: string;
  name: string;
  cell: ProgressCell;
  /** The list behind the cell. */
  href: string;
}

/**
 * One row or one column of the overview's matrix as a table: each cell's count, health, overdue
 * milestones and progress, with the way to the list behind it.
 */
export function CellTable({ caption, axis, rows }: { caption: string; axis: string; rows: CellTableRow[] }) {
  const { t, locale } = useI18n();
  return (
    <div className="matrix">
      <table className="cell-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{axis}</th>
            <th scope="col">{t('figures.actionsColumn')}</th>
            <th scope="col">{t('health.ON_TRACK')}</th>
            <th scope="col">{t('health.AT_RISK')}</th>
            <th scope="col">{t('health.OFF_TRACK')}</th>
            <th scope="col">{t('figures.overdueColumn')}</th>
            <th scope="col">{t('figures.progressColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, name, cell, href }) => (
            <tr key={id} data-figures={figuresKey(cell)}>
              <th scope="row">{cell.actionCount > 0 ? <Link to={href}>{name}</Link> : name}</th>
              <td>{cell.actionCount}</td>
              <td>{cell.byHealth.onTrack}</td>
              <td>{cell.byHealth.atRisk}</td>
              <td>{cell.byHealth.offTrack}</td>
              <td>{cell.overdueMilestones}</td>
              <td>
                <ProgressBar value={cell.progress} text={formatPercent(locale, cell.progress)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
