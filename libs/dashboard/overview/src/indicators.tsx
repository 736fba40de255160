import type { IndicatorSeries } from '@tiltak/dashboard-data-access';
import { FORMAT_LOCALES, useI18n } from '@tiltak/dashboard-i18n';
import { IndicatorChart } from '@tiltak/dashboard-ui';

/** Each indicator as a chart with its table: one municipality's values, or the six summed per year. */
export function Indicators({ indicators, municipalityId }: { indicators: IndicatorSeries[]; municipalityId?: string }) {
  const { t, locale } = useI18n();
  const number = new Intl.NumberFormat(FORMAT_LOCALES[locale], { maximumFractionDigits: 2 });
  if (indicators.length === 0) return <p>{t('place.noIndicators')}</p>;
  return (
    <div className="indicators">
      {indicators.map((indicator) => {
        const byYear = new Map<number, number>();
        for (const value of indicator.values) {
          if (municipalityId && value.municipalityId !== municipalityId) continue;
          byYear.set(value.year, (byYear.get(value.year) ?? 0) + value.value);
        }
        const points = [...byYear].sort(([a], [b]) => a - b).map(([year, value]) => ({ year, value }));
        const latest = points.at(-1);
        return (
          <IndicatorChart
            key={indicator.id}
            title={`${indicator.name} (${indicator.unit})`}
            summary={t('place.indicatorSummary', {
              latest: latest ? `${number.format(latest.value)} (${latest.year})` : '–',
              baseline: number.format(indicator.baseline),
              target: number.format(indicator.target),
              year: String(indicator.targetYear),
            })}
            points={points}
            baseline={indicator.baseline}
            target={indicator.target}
            labels={{
              year: t('place.year'),
              value: indicator.unit,
              baseline: t('place.baseline'),
              target: t('place.target', { year: String(indicator.targetYear) }),
            }}
            format={(value) => number.format(value)}
          />
        );
      })}
    </div>
  );
}
