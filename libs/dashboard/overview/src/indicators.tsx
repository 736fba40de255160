import type { IndicatorSeries } from '@tiltak/dashboard-data-access';
import { FORMAT_LOCALES, useI18n } from '@tiltak/dashboard-i18n';
import { IndicatorChart } from '@tiltak/dashboard-ui';

type Point = { year: number; value: number };

/** One municipality's values per year. */
function localPoints(indicator: IndicatorSeries, municipalityId: string): Point[] {
  return indicator.values
    .filter((value) => value.municipalityId === municipalityId)
    .map(({ year, value }) => ({ year, value }))
    .sort((a, b) => a.year - b.year);
}

/**
 * The region's total per year, only for years in which every municipality has a value: a year with
 * some still missing would read as a fall against the region's baseline and target.
 */
function regionalPoints(
  indicator: IndicatorSeries,
  municipalityCount: number,
): { points: Point[]; incomplete: number[] } {
  const byYear = new Map<number, { sum: number; reported: number }>();
  for (const { year, value } of indicator.values) {
    const held = byYear.get(year) ?? { sum: 0, reported: 0 };
    byYear.set(year, { sum: held.sum + value, reported: held.reported + 1 });
  }
  const years = [...byYear].sort(([a], [b]) => a - b);
  return {
    points: years.filter(([, y]) => y.reported >= municipalityCount).map(([year, y]) => ({ year, value: y.sum })),
    incomplete: years.filter(([, y]) => y.reported < municipalityCount).map(([year]) => year),
  };
}

/**
 * Each indicator as a chart with its table, comparing like with like: the region's totals against
 * the region's baseline and target, or one municipality's values alone, since baseline and target
 * are set for the region as a whole.
 */
export function Indicators({
  indicators,
  municipalityId,
  municipalityCount,
}: {
  indicators: IndicatorSeries[];
  /** One municipality's values; leave out for the region's totals. */
  municipalityId?: string;
  /** How many municipalities a year needs values from to make a regional total. */
  municipalityCount: number;
}) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(FORMAT_LOCALES[locale], { maximumFractionDigits: 2 });
  if (indicators.length === 0) return <p>{t('place.noIndicators')}</p>;
  return (
    <div className="indicators">
      {indicators.map((indicator) => {
        const labels = {
          year: t('place.year'),
          value: indicator.unit,
          baseline: t('place.baseline'),
          target: t('place.target', { year: String(indicator.targetYear) }),
        };
        const title = `${indicator.name} (${indicator.unit})`;
        const format = (value: number) => number.format(value);
        const latestOf = (points: Point[]) => {
          const latest = points.at(-1);
          return latest ? `${number.format(latest.value)} (${latest.year})` : '–';
        };
        if (municipalityId) {
          const points = localPoints(indicator, municipalityId);
          return (
            <IndicatorChart
              key={indicator.id}
              title={title}
              note={t('place.indicatorLocalNote')}
              summary={`${t('place.indicatorLocalSummary', { latest: latestOf(points) })} ${t('place.indicatorLocalNote')}`}
              points={points}
              labels={labels}
              format={format}
            />
          );
        }
        const { points, incomplete } = regionalPoints(indicator, municipalityCount);
        const note = [
          t('place.indicatorRegionNote'),
          incomplete.length > 0 && t('place.indicatorIncomplete', { years: incomplete.join(', ') }),
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <IndicatorChart
            key={indicator.id}
            title={title}
            note={note}
            summary={t('place.indicatorSummary', {
              latest: latestOf(points),
              baseline: number.format(indicator.baseline),
              target: number.format(indicator.target),
              year: String(indicator.targetYear),
            })}
            points={points}
            reference={{ baseline: indicator.baseline, target: indicator.target }}
            labels={labels}
            format={format}
          />
        );
      })}
    </div>
  );
}
