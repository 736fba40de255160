import { useQuery } from '@apollo/client/react';
import { changeCounts, ChangesSinceLastCouncilReportDocument, useViewerCan } from '@tiltak/dashboard-data-access';
import { formatDate, type MessageKey, useI18n } from '@tiltak/dashboard-i18n';
import { Content, HealthTag } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';

/** How many of the most important entries the panel names before it links to the rest. */
const NAMED = 5;

/**
 * "Siden forrige rapport til regionrådet": what changed since the newest snapshot, counted by kind,
 * naming the actions that got worse and the new risks, with the way to the full comparison.
 * Refetched with the other roll-ups whenever the programme changes. Nothing before the first
 * snapshot, and nothing for a viewer who may not read the council's reports.
 */
export function SinceCouncilReport() {
  const { t, locale } = useI18n();
  const mayRead = useViewerCan()?.readCouncilReports ?? false;
  // Live changes refetch only what is on screen: coming back to the overview, ask again.
  const { data } = useQuery(ChangesSinceLastCouncilReportDocument, {
    skip: !mayRead,
    fetchPolicy: 'cache-and-network',
  });
  const changes = mayRead ? data?.changesSinceLastCouncilReport : null;
  if (!changes) return null;

  const counts = changeCounts(changes);
  const worse = changes.healthChanges.filter((change) => change.direction === 'WORSE');
  const risky = changes.newRisks.filter((risk) => !worse.some((change) => change.actionId === risk.actionId));
  const important = [
    ...worse.map((change) => ({ actionId: change.actionId, code: change.code, name: change.name, health: change.to })),
    ...risky,
  ].slice(0, NAMED);
  const full = `/council-report?from=${encodeURIComponent(changes.from.id)}#what-changed`;

  return (
    <section aria-labelledby="since-council-report-title" className="panel since-council-report">
      <h2 id="since-council-report-title">{t('councilReport.since.title')}</h2>
      <p>
        {t('councilReport.since.basis', {
          title: changes.from.title,
          date: formatDate(locale, changes.from.asOf),
        })}
      </p>
      <p role="status" data-testid="since-council-report-count">
        {changes.count === 0
          ? t('councilReport.since.nothing')
          : t('councilReport.compare.count', { count: changes.count })}
      </p>
      {counts.length > 0 && (
        <ul aria-labelledby="since-council-report-title" className="change-counts">
          {counts.map(({ kind, count }) => (
            <li key={kind}>{t(`councilReport.kind.${kind}` as MessageKey, { count })}</li>
          ))}
        </ul>
      )}
      {important.length > 0 && (
        <>
          <h3 id="since-council-report-important">{t('councilReport.since.important')}</h3>
          <ul aria-labelledby="since-council-report-important" className="change-list">
            {important.map((entry) => (
              <li key={entry.actionId}>
                <Link to={`/actions/${entry.actionId}`}>
                  {entry.code} <Content>{entry.name}</Content>
                </Link>{' '}
                <HealthTag health={entry.health} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={full}>{t('councilReport.since.seeAll')}</Link>
      </p>
    </section>
  );
}
