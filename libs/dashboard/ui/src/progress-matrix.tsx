import type { ReactNode } from 'react';

export interface MatrixAxisItem {
  id: string;
  label: ReactNode;
  /** A class for the header cell, such as one marking a total that just changed. */
  className?: string;
}

export interface ProgressMatrixProps {
  caption: string;
  cornerLabel: string;
  rows: MatrixAxisItem[];
  columns: MatrixAxisItem[];
  /** The content of one cell: usually a link holding a progress bar and its counts. */
  cell(rowId: string, columnId: string): ReactNode;
  /** Cells to mark as just changed. */
  changed?: ReadonlySet<string>;
  /** Cells to mark as needing attention most. */
  marked?: ReadonlySet<string>;
  /** The id of a heading that names the matrix; without one the caption names its scrolling region. */
  labelledBy?: string;
}

export const cellKey = (rowId: string, columnId: string) => `${rowId}:${columnId}`;

/** A table of municipalities × focus areas with headers a screen reader announces for every cell. */
export function ProgressMatrix({
  caption,
  cornerLabel,
  rows,
  columns,
  cell,
  changed,
  marked,
  labelledBy,
}: ProgressMatrixProps) {
  const classOf = (key: string) =>
    [changed?.has(key) && 'matrix__cell--changed', marked?.has(key) && 'matrix__cell--marked']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div
      className="matrix"
      role="region"
      {...(labelledBy ? { 'aria-labelledby': labelledBy } : { 'aria-label': caption })}
      tabIndex={0}
    >
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{cornerLabel}</th>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={column.className}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={row.className}>
                {row.label}
              </th>
              {columns.map((column) => (
                <td key={column.id} className={classOf(cellKey(row.id, column.id))}>
                  {cell(row.id, column.id)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
