import { useId } from 'react';

export interface IndicatorChartProps {
  title: string;
  /** One sentence a screen reader reads instead of the picture. */
  summary: string;
  points: { year: number; value: number }[];
  /**
   * The baseline and target the values are measured against, only where they are of the same kind
   * (a municipality's values against the region's target would mislead); left out, the chart
   * shows the values alone.
   */
  reference?: { baseline: number; target: number };
  /** A sentence under the title: what the values are and what they are compared with. */
  note?: string;
  labels: { year: string; value: string; baseline: string; target: string };
  format(value: number): string;
}

/**
 * An indicator as columns per year, against dashed baseline and target lines where they compare
 * like with like, with the same figures in a table beside it: the table is the accessible
 * version, the chart the quick look.
 */
export function IndicatorChart({ title, summary, points, reference, note, labels, format }: IndicatorChartProps) {
  const headingId = useId();
  const max = Math.max(reference?.target ?? 0, reference?.baseline ?? 0, ...points.map((p) => p.value), 1);
  const width = 240;
  const height = 120;
  const barWidth = points.length ? Math.min(40, (width - 20) / points.length - 8) : 0;
  const y = (value: number) => height - (value / max) * (height - 10);
  return (
    <figure className="indicator" aria-labelledby={headingId}>
      <figcaption id={headingId}>{title}</figcaption>
      {note && <p className="indicator__note">{note}</p>}
      <div className="indicator__body">
        <svg viewBox={`0 0 ${width} ${height + 16}`} width={width} height={height + 16} role="img" aria-label={summary}>
          {points.map((point, index) => (
            <g key={point.year}>
              <rect
                x={10 + index * (barWidth + 8)}
                y={y(point.value)}
                width={barWidth}
                height={height - y(point.value)}
                fill="#0b5a7a"
              />
              <text
                x={10 + index * (barWidth + 8) + barWidth / 2}
                y={height + 13}
                fontSize="10"
                textAnchor="middle"
                fill="#1a1f24"
              >
                {point.year}
              </text>
            </g>
          ))}
          {reference && (
            <>
              <line
                x1="0"
                x2={width}
                y1={y(reference.baseline)}
                y2={y(reference.baseline)}
                stroke="#4a5560"
                strokeDasharray="4 3"
              />
              <line
                x1="0"
                x2={width}
                y1={y(reference.target)}
                y2={y(reference.target)}
                stroke="#b3400a"
                strokeWidth="2"
                strokeDasharray="8 3"
              />
            </>
          )}
        </svg>
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.year}</th>
              <th scope="col">{labels.value}</th>
            </tr>
          </thead>
          <tbody>
            {reference && (
              <tr>
                <th scope="row">{labels.baseline}</th>
                <td>{format(reference.baseline)}</td>
              </tr>
            )}
            {points.map((point) => (
              <tr key={point.year}>
                <th scope="row">{point.year}</th>
                <td>{format(point.value)}</td>
              </tr>
            ))}
            {reference && (
              <tr>
                <th scope="row">{labels.target}</th>
                <td>{format(reference.target)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
