import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import type { ActionStatus, Health } from '@tiltak/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useContentLang } from './content';
import { ProgressBar } from './progress-bar';

export interface ActionTableRow {
  id: string;
  code: string;
  title: string;
  status: ActionStatus;
  progress: number;
  health: Health;
  /** Shown small after the title: the focus area, the lead. */
  context: string;
}

/**
 * Actions as a table: code (opening the action), title, status, progress and health, each in
 * words, with room for one more column such as a party's role.
 */
export function ActionTable<Row extends ActionTableRow>({
  caption,
  rows,
  extra,
}: {
  caption: string;
  rows: Row[];
  extra?: { header: string; cell(row: Row): ReactNode };
}) {
  const { t, locale } = useI18n();
  const contentLang = useContentLang();
  return (
    <div className="matrix">
      <table className="actions-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('actions.code')}</th>
            <th scope="col">{t('actions.name')}</th>
            {extra && <th scope="col">{extra.header}</th>}
            <th scope="col">{t('actions.status')}</th>
            <th scope="col">{t('actions.progress')}</th>
            <th scope="col">{t('actions.health')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-status={row.status} data-health={row.health}>
              <td>
                <Link to={`/actions/${row.id}`}>{row.code}</Link>
              </td>
              <td lang={contentLang}>
                {row.title}
                <span className="matrix__counts"> · {row.context}</span>
              </td>
              {extra && <td>{extra.cell(row)}</td>}
              <td>{t(`status.${row.status}`)}</td>
              <td>
                <ProgressBar value={row.progress} text={formatPercent(locale, row.progress)} />
              </td>
              <td className={`health health--${row.health.toLowerCase()}`}>{t(`health.${row.health}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
