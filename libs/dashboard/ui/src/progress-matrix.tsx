import type { ReactNode } from 'react';

export interface MatrixAxisItem {
  id: string;
  label: ReactNode;
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
}

export const cellKey = (rowId: string, columnId: string) => `${rowId}:${columnId}`;

/** A table of municipalities × focus areas with headers a screen reader announces for every cell. */
export function ProgressMatrix({ caption, cornerLabel, rows, columns, cell, changed }: ProgressMatrixProps) {
  return (
    <div className="matrix" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{cornerLabel}</th>
            {columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => (
                <td
                  key={column.id}
                  className={changed?.has(cellKey(row.id, column.id)) ? 'matrix__cell--changed' : undefined}
                >
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
