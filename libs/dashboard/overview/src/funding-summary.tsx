import { useQuery } from '@apollo/client/react';
import {
  FocusAreaMoneyDocument,
  type FundingTotalsFragment,
  GoalMoneyDocument,
  MunicipalityMoneyDocument,
} from '@tiltak/dashboard-data-access';
import { formatKroner, useI18n } from '@tiltak/dashboard-i18n';
import { useId } from 'react';

/** A focus area's money: every line, budget and hour of its actions. */
export function FocusAreaFunding({ focusAreaId }: { focusAreaId: string }) {
  const { data } = useQuery(FocusAreaMoneyDocument, { variables: { id: focusAreaId } });
  const totals = data?.focusArea?.fundingTotals;
  return totals ? <FundingSummary totals={totals} /> : null;
}

/** A goal's money: every line, budget and hour of the actions serving it or its sub-goals, each action once. */
export function GoalFunding({ goalId }: { goalId: string }) {
  const { data } = useQuery(GoalMoneyDocument, { variables: { goalId } });
  const totals = data?.fundingTotalsOfGoal;
  return totals ? <FundingSummary totals={totals} /> : null;
}

/** A municipality's own money: its shares of the actions, said as such. */
export function MunicipalityFunding({ slug, name }: { slug: string; name: string }) {
  const { t } = useI18n();
  const { data } = useQuery(MunicipalityMoneyDocument, { variables: { slug } });
  const totals = data?.municipality?.fundingTotals;
  return totals ? <FundingSummary totals={totals} note={t('funding.municipalShares', { name })} /> : null;
}

/** Money by status, with how many lines each sum counts; nothing for a signed-out visitor, who reads no money. */
function FundingSummary({ totals, note }: { totals: FundingTotalsFragment; note?: string }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const kr = (value: number | null) => formatKroner(locale, value);
  const rows = [
    ['funding.granted', totals.granted, totals.lineCounts.granted],
    ['funding.applied', totals.applied, totals.lineCounts.applied],
    ['funding.planned', totals.planned, totals.lineCounts.planned],
    ['funding.refused', totals.refused, totals.lineCounts.refused],
  ] as const;
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('funding.placeTitle')}</h2>
      <table className="cell-table">
        <caption>{t('funding.placeCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funding.status')}</th>
            <th scope="col">{t('funding.amount')}</th>
            <th scope="col">{t('funding.linesCaption')}</th>
          </tr>
        </thead>
        <tbody>
          {totals.budget !== null && (
            <tr>
              <th scope="row">{t('funding.budget')}</th>
              <td>{kr(totals.budget)}</td>
              <td>
                {t('funding.budgetedActions', { budgeted: totals.budgetedActionCount, count: totals.actionCount })}
              </td>
            </tr>
          )}
          {rows.map(([label, amount, lines]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td>{kr(amount)}</td>
              <td>{t('funding.lineCount', { count: lines })}</td>
            </tr>
          ))}
          {totals.hours !== null && (
            <tr>
              <th scope="row">{t('funding.hours')}</th>
              <td colSpan={2}>{totals.hours}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="hint">{note ?? t('funding.method')}</p>
    </section>
  );
}
