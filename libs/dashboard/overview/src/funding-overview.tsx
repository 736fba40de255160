import { useQuery } from '@apollo/client/react';
import { FocusAreaFundingDocument, type FundingTotalsFragment } from '@tiltak/dashboard-data-access';
import { formatKroner, useI18n } from '@tiltak/dashboard-i18n';
import { Content } from '@tiltak/dashboard-ui';
import { useId, useMemo } from 'react';
import { useChanges } from './use-changes';

interface Named {
  id: string;
  name: string;
  fundingTotals: FundingTotalsFragment;
}

const moneyFingerprint = (item: Named) => {
  const { budget, granted, applied, planned, refused, hours } = item.fundingTotals;
  return [budget, granted, applied, planned, refused, hours].join(':');
};

/**
 * The overview's money column: each focus area's budget, granted, applied-for and planned funding
 * and own effort, and the region's total, kept current by the live connection. A changed row says
 * what its secured funding was. Money is for those signed in: without it, nothing is shown.
 */
export function FundingOverview() {
  const { t, locale } = useI18n();
  const titleId = useId();
  const { data } = useQuery(FocusAreaFundingDocument);
  const rows = useMemo(() => data && new Map(data.focusAreas.map((area) => [area.id, area])), [data]);
  const changed = useChanges<Named>(rows, moneyFingerprint);
  const region = data?.currentProgramme?.fundingTotals;
  if (!data || !region) return null;

  const kr = (value: number | null | undefined) => formatKroner(locale, value);
  const announcement = [...changed.values()]
    .map(({ before, after }) =>
      t('funding.grantedChanged', {
        name: after.name,
        before: kr(before.fundingTotals.granted),
        after: kr(after.fundingTotals.granted),
      }),
    )
    .join('. ');
  const figures = (totals: FundingTotalsFragment) => (
    <>
      <td>{kr(totals.budget)}</td>
      <td>{kr(totals.granted)}</td>
      <td>{kr(totals.applied)}</td>
      <td>{kr(totals.planned)}</td>
      <td>{kr(totals.refused)}</td>
      <td>{totals.hours ?? '–'}</td>
    </>
  );

  return (
    <section aria-labelledby={titleId} className="panel funding-overview">
      <h2 id={titleId}>{t('funding.overviewTitle')}</h2>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {/* Narrow screens scroll the table sideways: the region takes focus so a keyboard can scroll it too. */}
      <div className="matrix" role="region" aria-labelledby={titleId} tabIndex={0}>
        <table className="cell-table">
          <caption>{t('funding.overviewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funding.focusArea')}</th>
              <th scope="col">{t('funding.budget')}</th>
              <th scope="col">{t('funding.granted')}</th>
              <th scope="col">{t('funding.applied')}</th>
              <th scope="col">{t('funding.planned')}</th>
              <th scope="col">{t('funding.refused')}</th>
              <th scope="col">{t('funding.hours')}</th>
            </tr>
          </thead>
          <tbody>
            {data.focusAreas.map((area) => {
              const change = changed.get(area.id);
              return (
                <tr key={area.id} className={change ? 'matrix__total--changed' : undefined}>
                  <th scope="row">
                    {/* Not a link: the matrix above links each focus area once. */}
                    <Content>{area.name}</Content>
                    {change && (
                      <span className="matrix__change">
                        {' '}
                        <span className="change-badge">{t('overview.changedBadge')}</span>{' '}
                        {t('overview.change', {
                          before: kr(change.before.fundingTotals.granted),
                          after: kr(area.fundingTotals.granted),
                        })}
                      </span>
                    )}
                  </th>
                  {figures(area.fundingTotals)}
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('funding.regionalTotal')}</th>
              {figures(region)}
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">
        {t('funding.method')}{' '}
        {t('funding.budgetedActions', { budgeted: region.budgetedActionCount, count: region.actionCount })}
      </p>
    </section>
  );
}
