import { type ReactNode, useId, useRef } from 'react';

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
  /** The link before the table that jumps past it ("Hopp over tabellen"). */
  skipLabel: string;
  /** Cells to mark as needing attention most. */
  marked?: ReadonlySet<string>;
  /** The id of the page's own heading for the matrix; without one the matrix has a heading of its own. */
  labelledBy?: string;
}

export const cellKey = (rowId: string, columnId: string) => `${rowId}:${columnId}`;

/**
 * A table of municipalities × focus areas with headers a screen reader announces for every cell,
 * under a heading. Every cell is a link, so a skip link before the table takes keyboard users past
 * it in two key presses instead of one per cell; inside, Tab, and a screen reader's table
 * commands, still reach every cell.
 */
export function ProgressMatrix({
  caption,
  cornerLabel,
  rows,
  columns,
  cell,
  changed,
  skipLabel,
  marked,
  labelledBy,
}: ProgressMatrixProps) {
  const ownHeadingId = useId();
  const headingId = labelledBy ?? ownHeadingId;
  const after = useRef<HTMLSpanElement>(null);
  const classOf = (key: string) =>
    [changed?.has(key) && 'matrix__cell--changed', marked?.has(key) && 'matrix__cell--marked']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <section aria-labelledby={headingId} className="matrix-section">
      {!labelledBy && (
        <h2 id={headingId} className="matrix-section__heading">
          {caption}
        </h2>
      )}
      <a
        href={`#${ownHeadingId}-after`}
        className="skip-past"
        onClick={(event) => {
          // Moves focus without changing the address, which the router would read as a new page.
          event.preventDefault();
          after.current?.focus();
        }}
      >
        {skipLabel}
      </a>
      <div className="matrix" role="region" aria-labelledby={headingId} tabIndex={0}>
        <table>
          <caption className="visually-hidden">{caption}</caption>
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
      <span id={`${ownHeadingId}-after`} ref={after} tabIndex={-1} />
    </section>
  );
}
