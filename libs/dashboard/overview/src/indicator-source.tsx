import { useQuery } from '@apollo/client/react';
import { IndicatorExplanationDocument, type IndicatorSeriesFragment } from '@tiltak/dashboard-data-access';
import { FORMAT_LOCALES, useI18n } from '@tiltak/dashboard-i18n';
import { ssbTableUrl } from '@tiltak/domain';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';

/** Where an indicator's figures come from: its source (an SSB table linked), its unit and how late they come. */
export function IndicatorSourceDetails({ indicator }: { indicator: IndicatorSeriesFragment }) {
  const { t } = useI18n();
  const reference = indicator.sourceReference ?? '';
  const source = () => {
    switch (indicator.source) {
      case 'SSB':
        return (
          <a href={ssbTableUrl(reference)} rel="noopener">
            {t('indicatorSource.SSB', { reference })}
          </a>
        );
      case 'MANUAL':
        return reference ? t('indicatorSource.MANUAL.reference', { reference }) : t('indicatorSource.MANUAL');
      case 'OTHER':
        return t('indicatorSource.OTHER', { reference });
      case 'NETWORK_REGISTER':
      case 'CLUSTER_REGISTER':
        return t(`indicatorSource.${indicator.source}`);
    }
  };
  return (
    <dl className="facts indicator__source">
      <dt>{t('indicator.source')}</dt>
      <dd>{source()}</dd>
      <dt>{t('indicator.unit')}</dt>
      <dd>{indicator.unit}</dd>
      <dt>{t('indicator.lag')}</dt>
      <dd>
        {indicator.publicationLagMonths === 0
          ? t('indicator.lagNone')
          : t('indicator.lagMonths', { count: indicator.publicationLagMonths })}
      </dd>
    </dl>
  );
}

/**
 * How the region's figure for each year was made, in words: a sum, the networks counted once, or
 * why there is none. The names behind it are fetched when the reader opens it.
 */
export function RegionalExplanation({ indicator }: { indicator: IndicatorSeriesFragment }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <details className="indicator__explanation" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('indicator.explain')}</summary>
      {indicator.computed && <p>{t('indicator.computedNote')}</p>}
      {open && <ExplanationLines indicator={indicator} />}
    </details>
  );
}

function ExplanationLines({ indicator }: { indicator: IndicatorSeriesFragment }) {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(IndicatorExplanationDocument, { variables: { id: indicator.id } });
  const number = new Intl.NumberFormat(FORMAT_LOCALES[locale], { maximumFractionDigits: 2 });
  const list = new Intl.ListFormat(FORMAT_LOCALES[locale], { type: 'conjunction' });
  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data?.indicator) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const names = new Map(data.indicator.regionalValues.map((row) => [row.year, row]));
  return (
    <ul>
      {indicator.regionalValues.map((row) => {
        const year = String(row.year);
        const named = names.get(row.year);
        switch (row.method) {
          case 'SUM_OF_MUNICIPALITIES':
            return (
              <li key={year}>{t('regionalMethod.SUM_OF_MUNICIPALITIES', { year, count: row.municipalityCount })}</li>
            );
          case 'DISTINCT_IN_REGISTER':
            return (
              <li key={year}>
                {t('regionalMethod.DISTINCT_IN_REGISTER', {
                  year,
                  value: number.format(row.value ?? 0),
                  sum: number.format(row.sumOfMunicipalValues),
                  names: named?.networks.length
                    ? list.format(named.networks.map((n) => n.name))
                    : t('regionalMethod.noneCounted'),
                })}
              </li>
            );
          case 'INCOMPLETE':
            return (
              <li key={year}>
                {t('regionalMethod.INCOMPLETE', {
                  year,
                  names: list.format(named?.missingMunicipalities.map((m) => m.name) ?? []),
                })}
              </li>
            );
          case 'NOT_SUMMABLE':
            return <li key={year}>{t('regionalMethod.NOT_SUMMABLE', { year, unit: indicator.unit })}</li>;
        }
      })}
    </ul>
  );
}
