import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import type { ActionStatus, Health } from '@tiltak/domain';
import { Link } from 'react-router';

export interface FigureContribution {
  actionId: string;
  municipalityId: string;
  code: string;
  title: string;
  status: ActionStatus;
  progress: number;
  weight: number;
  health: Health;
  overdueMilestones: number;
  counted: boolean;
}

export interface FigureExplanationProps {
  /** What the disclosure opens, for example "How Nes's progress was calculated". */
  label: string;
  explanation: {
    progress: number | null;
    weightedSum: number;
    totalWeight: number;
    contributions: FigureContribution[];
  };
  /** Names the municipality of each contribution; leave out where all are in one municipality. */
  municipalityName?(id: string): string;
}

/**
 * How a rolled-up figure was made, behind a disclosure: the rule in words, the sums it divides and
 * every action's part with its weight, as the API explained it.
 */
export function FigureExplanation({ label, explanation, municipalityName }: FigureExplanationProps) {
  const { t, locale } = useI18n();
  const { progress, weightedSum, totalWeight, contributions } = explanation;
  return (
    <details className="figure-explanation">
      <summary>{label}</summary>
      <p>{t('figures.method')}</p>
      <p>
        {progress === null
          ? t('figures.noneCounted')
          : t('figures.sum', { weightedSum, totalWeight, progress: formatPercent(locale, progress) })}
      </p>
      {contributions.length > 0 && (
        <div className="matrix">
          <table className="figure-explanation__table">
            <caption className="visually-hidden">{label}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.action')}</th>
                {municipalityName && <th scope="col">{t('figures.municipality')}</th>}
                <th scope="col">{t('figures.status')}</th>
                <th scope="col">{t('figures.health')}</th>
                <th scope="col">{t('figures.overdueColumn')}</th>
                <th scope="col">{t('figures.progressColumn')}</th>
                <th scope="col">{t('figures.weight')}</th>
                <th scope="col">{t('figures.weighted')}</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={`${c.actionId}:${c.municipalityId}`}>
                  <td>
                    <Link to={`/actions/${c.actionId}`}>{c.code}</Link> {c.title}
                  </td>
                  {municipalityName && <td>{municipalityName(c.municipalityId)}</td>}
                  <td>{t(`status.${c.status}`)}</td>
                  <td>{c.counted ? t(`health.${c.health}`) : '–'}</td>
                  <td>{c.overdueMilestones}</td>
                  <td>{formatPercent(locale, c.progress)}</td>
                  <td>{c.weight}</td>
                  <td>
                    {c.counted
                      ? t('figures.product', { progress: c.progress, weight: c.weight, product: c.progress * c.weight })
                      : t('figures.notCounted')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
