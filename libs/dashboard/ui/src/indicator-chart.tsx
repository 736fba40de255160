import { useId } from 'react';
import { useContentLang } from './content';

export interface IndicatorChartProps {
  title: string;
  /** One sentence a screen reader reads instead of the picture. */
  summary: string;
  points: { year: number; value: number }[];
  baseline: number;
  target: number;
  labels: { year: string; value: string; baseline: string; target: string };
  format(value: number): string;
}

/**
 * An indicator as columns per year against dashed baseline and target lines, with the same
 * figures in a table beside it: the table is the accessible version, the chart the quick look.
 */
export function IndicatorChart({ title, summary, points, baseline, target, labels, format }: IndicatorChartProps) {
  const headingId = useId();
  const contentLang = useContentLang();
  const max = Math.max(target, baseline, ...points.map((p) => p.value), 1);
  const width = 240;
  const height = 120;
  const barWidth = points.length ? Math.min(40, (width - 20) / points.length - 8) : 0;
  const y = (value: number) => height - (value / max) * (height - 10);
  return (
    <figure className="indicator" aria-labelledby={headingId}>
      <figcaption id={headingId} lang={contentLang}>
        {title}
      </figcaption>
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
          <line x1="0" x2={width} y1={y(baseline)} y2={y(baseline)} stroke="#4a5560" strokeDasharray="4 3" />
          <line
            x1="0"
            x2={width}
            y1={y(target)}
            y2={y(target)}
            stroke="#b3400a"
            strokeWidth="2"
            strokeDasharray="8 3"
          />
        </svg>
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.year}</th>
              <th scope="col">{labels.value}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{labels.baseline}</th>
              <td>{format(baseline)}</td>
            </tr>
            {points.map((point) => (
              <tr key={point.year}>
                <th scope="row">{point.year}</th>
                <td>{format(point.value)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{labels.target}</th>
              <td>{format(target)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </figure>
  );
}
