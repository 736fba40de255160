import { type ReactNode, useId } from 'react';
import { useContentLang } from './content';

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
  /** Where the figures come from (source, unit, publication lag), under the note. */
  details?: ReactNode;
  /**
   * A second column in the table beside the values, by year: the region's total beside one
   * municipality's values. A year without an entry shows a dash.
   */
  compare?: { label: string; byYear: ReadonlyMap<number, string> };
  /** After the figures: how they were made. */
  footer?: ReactNode;
}

const WIDTH = 320;
const HEIGHT = 190;
const PLOT = { right: 8, top: 24, bottom: 40 };
/** Room per character of a tick label at the chart's 11 px type. */
const CHARACTER_WIDTH = 6.5;

/**
 * An indicator as columns per year, against dashed baseline and target lines where they compare
 * like with like, on labelled axes with a legend, and the same figures in a table beside it: the
 * table is the accessible version, the chart the quick look. Colours come from the chart tokens.
 */
export function IndicatorChart({
  title,
  summary,
  points,
  reference,
  note,
  labels,
  format,
  details,
  compare,
  footer,
}: IndicatorChartProps) {
  const headingId = useId();
  const contentLang = useContentLang();
  const ticks = axisTicks(Math.max(reference?.target ?? 0, reference?.baseline ?? 0, ...points.map((p) => p.value), 1));
  const top = ticks.at(-1) ?? 1;
  const left = 12 + CHARACTER_WIDTH * Math.max(...ticks.map((tick) => format(tick).length));
  const plotWidth = WIDTH - left - PLOT.right;
  const plotBottom = HEIGHT - PLOT.bottom;
  const y = (value: number) => plotBottom - (value / top) * (plotBottom - PLOT.top);
  const slot = points.length ? plotWidth / points.length : plotWidth;
  const barWidth = Math.min(40, slot * 0.6);
  const barX = (index: number) => left + index * slot + (slot - barWidth) / 2;
  return (
    <figure className="indicator" aria-labelledby={headingId}>
      <figcaption id={headingId} lang={contentLang}>
        {title}
      </figcaption>
      {note && <p className="indicator__note">{note}</p>}
      {details}
      <div className="indicator__body">
        <div className="indicator__chart">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-label={summary}>
            <text className="indicator__axis-title" x={left} y={12} textAnchor="start">
              {labels.value}
            </text>
            {ticks.map((tick) => (
              <g key={tick}>
                <line className="indicator__grid" x1={left} x2={WIDTH - PLOT.right} y1={y(tick)} y2={y(tick)} />
                <text className="indicator__tick" x={left - 6} y={y(tick) + 4} textAnchor="end">
                  {format(tick)}
                </text>
              </g>
            ))}
            {points.map((point, index) => (
              <g key={point.year}>
                <rect
                  className="indicator__bar"
                  x={barX(index)}
                  y={y(point.value)}
                  width={barWidth}
                  height={plotBottom - y(point.value)}
                />
                <text
                  className="indicator__tick"
                  x={barX(index) + barWidth / 2}
                  y={plotBottom + 16}
                  textAnchor="middle"
                >
                  {point.year}
                </text>
              </g>
            ))}
            <line className="indicator__axis" x1={left} x2={WIDTH - PLOT.right} y1={plotBottom} y2={plotBottom} />
            {reference && (
              <>
                <line
                  className="indicator__baseline"
                  x1={left}
                  x2={WIDTH - PLOT.right}
                  y1={y(reference.baseline)}
                  y2={y(reference.baseline)}
                />
                <line
                  className="indicator__target"
                  x1={left}
                  x2={WIDTH - PLOT.right}
                  y1={y(reference.target)}
                  y2={y(reference.target)}
                />
              </>
            )}
            <text className="indicator__axis-title" x={left + plotWidth / 2} y={HEIGHT - 4} textAnchor="middle">
              {labels.year}
            </text>
          </svg>
          {/* The legend is hidden from screen readers: the summary and the table already say it all. */}
          <ul className="indicator__legend" aria-hidden="true">
            <li>
              <span className="indicator__key indicator__key--value" />
              {labels.value}
            </li>
            {reference && (
              <>
                <li>
                  <span className="indicator__key indicator__key--baseline" />
                  {labels.baseline}
                </li>
                <li>
                  <span className="indicator__key indicator__key--target" />
                  {labels.target}
                </li>
              </>
            )}
          </ul>
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{labels.year}</th>
              <th scope="col">{labels.value}</th>
              {compare && <th scope="col">{compare.label}</th>}
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
                {compare && <td>{compare.byYear.get(point.year) ?? '–'}</td>}
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
      {footer}
    </figure>
  );
}

/** Round steps (1, 2 or 5 times a power of ten) from zero to at least `max`: three to five of them. */
export function axisTicks(max: number): number[] {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks = [0];
  while ((ticks.at(-1) ?? 0) < max) ticks.push(Math.round(((ticks.at(-1) ?? 0) + step) * 1e9) / 1e9);
  return ticks;
}
