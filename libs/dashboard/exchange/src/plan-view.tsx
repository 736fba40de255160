import { useI18n } from '@tiltak/dashboard-i18n';
import { useId } from 'react';
import type { ImportPlan } from './exchange-api';

/** A file with many edits would make a table no one reads; the first ones show what will happen. */
export const CHANGES_SHOWN = 500;

/** What a dry run (or an apply) found: each sheet's counts, the changes field by field, the problems. */
export function PlanView({ plan }: { plan: ImportPlan }) {
  const { t } = useI18n();
  const id = useId();
  const empty = t('exchange.plan.empty');
  const shown = plan.changes.slice(0, CHANGES_SHOWN);
  return (
    <div className="exchange-plan">
      <div className="table-scroll" role="region" aria-labelledby={`${id}-sheets`} tabIndex={0}>
        <table className="data-table">
          <caption id={`${id}-sheets`}>{t('exchange.plan.sheets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.plan.sheet')}</th>
              <th scope="col" className="number">
                {t('exchange.plan.rows')}
              </th>
              <th scope="col" className="number">
                {t('exchange.plan.created')}
              </th>
              <th scope="col" className="number">
                {t('exchange.plan.changed')}
              </th>
              <th scope="col" className="number">
                {t('exchange.plan.unchanged')}
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.sheets.map((sheet) => (
              <tr key={sheet.kind}>
                <th scope="row">
                  {sheet.name}
                  {sheet.readOnly && <span className="hint"> {t('exchange.plan.readOnly')}</span>}
                </th>
                <td className="number">{sheet.rows}</td>
                <td className="number">{sheet.created}</td>
                <td className="number">{sheet.changed}</td>
                <td className="number">{sheet.unchanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {plan.problems.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-problems`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${id}-problems`}>{t('exchange.plan.problems', { count: plan.problems.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.plan.sheet')}</th>
                <th scope="col" className="number">
                  {t('exchange.plan.row')}
                </th>
                <th scope="col">{t('exchange.plan.column')}</th>
                <th scope="col">{t('exchange.plan.message')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.problems.map((problem, index) => (
                <tr key={index}>
                  <td>{problem.sheet ?? t('exchange.plan.wholeFile')}</td>
                  <td className="number">{problem.row ?? ''}</td>
                  <td>{problem.column ?? ''}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {plan.changes.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={`${id}-changes`} tabIndex={0}>
          <table className="data-table">
            <caption id={`${id}-changes`}>
              {shown.length < plan.changes.length
                ? t('exchange.plan.changesShown', { shown: shown.length, count: plan.changes.length })
                : t('exchange.plan.changes', { count: plan.changes.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.plan.sheet')}</th>
                <th scope="col" className="number">
                  {t('exchange.plan.row')}
                </th>
                <th scope="col">{t('exchange.plan.key')}</th>
                <th scope="col">{t('exchange.plan.kind')}</th>
                <th scope="col">{t('exchange.plan.fields')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((change) => (
                <tr key={`${change.sheet}:${change.row}`}>
                  <td>{change.sheet}</td>
                  <td className="number">{change.row}</td>
                  <th scope="row">{change.key}</th>
                  <td>{t(`exchange.plan.${change.kind}`)}</td>
                  <td>
                    <ul className="plain-list">
                      {change.fields.map((field) => (
                        <li key={field.column}>
                          {t('exchange.plan.field', {
                            column: field.column,
                            before: field.before ?? empty,
                            after: field.after ?? empty,
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
