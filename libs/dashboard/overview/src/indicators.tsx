import type { IndicatorSeries } from '@tiltak/dashboard-data-access';
import { FORMAT_LOCALES, useI18n } from '@tiltak/dashboard-i18n';
import { IndicatorChart } from '@tiltak/dashboard-ui';
import { IndicatorSourceDetails, RegionalExplanation } from './indicator-source';

type Point = { year: number; value: number };

/** One municipality's values per year. */
function localPoints(indicator: IndicatorSeries, municipalityId: string): Point[] {
  return indicator.values
    .filter((value) => value.municipalityId === municipalityId)
    .map(({ year, value }) => ({ year, value }))
    .sort((a, b) => a.year - b.year);
}

/**
 * The region's value per year as the API made it, only where there is one: a year some
 * municipalities have not reported yet would read as a fall against the region's baseline and
 * target, and a share or average does not add up at all. The API says which and why.
 */
function regionalPoints(indicator: IndicatorSeries): Point[] {
  return indicator.regionalValues.flatMap(({ year, value }) => (value === null ? [] : [{ year, value }]));
}

/**
 * Each indicator as a chart with its table, comparing like with like: the region's totals against
 * the region's baseline and target, or one municipality's values beside the region's total, since
 * baseline and target are set for the region as a whole. Each says where its figures come from and
 * how the region's were made.
 */
export function Indicators({
  indicators,
  municipalityId,
}: {
  indicators: IndicatorSeries[];
  /** One municipality's values; leave out for the region's totals. */
  municipalityId?: string;
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
        const details = <IndicatorSourceDetails indicator={indicator} />;
        const footer = <RegionalExplanation indicator={indicator} />;
        if (municipalityId) {
          const points = localPoints(indicator, municipalityId);
          const regional = new Map(
            indicator.regionalValues.map(({ year, value }) => [
              year,
              value === null ? t('indicator.noTotal') : number.format(value),
            ]),
          );
          return (
            <IndicatorChart
              key={indicator.id}
              title={title}
              note={t('place.indicatorLocalNote')}
              summary={`${t('place.indicatorLocalSummary', { latest: latestOf(points) })} ${t('place.indicatorLocalNote')}`}
              points={points}
              labels={labels}
              format={format}
              details={details}
              compare={{ label: t('indicator.regionalTotal'), byYear: regional }}
              footer={footer}
            />
          );
        }
        const points = regionalPoints(indicator);
        const incomplete = indicator.regionalValues.filter((row) => row.method === 'INCOMPLETE').map((row) => row.year);
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
            details={details}
            footer={footer}
          />
        );
      })}
    </div>
  );
}
