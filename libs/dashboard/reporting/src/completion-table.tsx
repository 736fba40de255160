import type { CompletionCountsFragment } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { useId } from 'react';

export interface CompletionLine {
  id: string;
  name: string;
  counts: CompletionCountsFragment;
}

const COLUMNS = ['total', 'submitted', 'late', 'missing'] as const;

/** The sum of each column over the rows, so the last line always agrees with the lines above it. */
export function sumOf(lines: readonly CompletionLine[]): Record<(typeof COLUMNS)[number], number> {
  const sum = { total: 0, submitted: 0, late: 0, missing: 0 };
  for (const line of lines) for (const column of COLUMNS) sum[column] += line.counts[column];
  return sum;
}

/** Reports submitted, late and missing per municipality or focus area, with their sum. */
export function CompletionTable({
  caption,
  rowHeader,
  lines,
  note,
}: {
  caption: string;
  rowHeader: string;
  lines: readonly CompletionLine[];
  note?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const sum = sumOf(lines);
  const headers = {
    total: t('reporting.total'),
    submitted: t('reporting.submitted'),
    late: t('reporting.late'),
    missing: t('reporting.missing'),
  };
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table completion-table" aria-describedby={note ? `${id}-note` : undefined}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {COLUMNS.map((column) => (
              <th scope="col" key={column} className="number">
                {headers[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.id}>
              <th scope="row">{line.name}</th>
              {COLUMNS.map((column) => (
                <td
                  key={column}
                  className={column === 'missing' && line.counts.missing > 0 ? 'number missing' : 'number'}
                >
                  {line.counts[column]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('round.sum')}</th>
            {COLUMNS.map((column) => (
              <td key={column} className="number">
                {sum[column]}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      {note && (
        <p id={`${id}-note`} className="hint">
          {note}
        </p>
      )}
    </div>
  );
}
