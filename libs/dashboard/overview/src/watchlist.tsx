import { useQuery } from '@apollo/client/react';
import { RecentChangesDocument, type WatchedMilestoneFragment, WatchlistDocument } from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, formatPercent, type MessageKey, useI18n } from '@tiltak/dashboard-i18n';
import { Content, HealthTag } from '@tiltak/dashboard-ui';
import { Link } from 'react-router';
import { atRiskListUrl } from './programme-standing';

/** Municipalities as one phrase: all six read "alle kommuner" rather than a list of names. */
function useMunicipalityNames() {
  const { t } = useI18n();
  return (municipalities: readonly { municipality: { name: string } }[], all: number) =>
    municipalities.length > 1 && municipalities.length === all
      ? t('overview.allMunicipalities')
      : municipalities.map((m) => m.municipality.name).join(', ');
}

/** Every unfinished action at risk or off track, worst first, with the total and the way to them all. */
export function AtRiskList({ staleAfterDays }: { staleAfterDays: number }) {
  const { t, locale } = useI18n();
  const { data } = useQuery(WatchlistDocument);
  const names = useMunicipalityNames();
  if (!data) return null;
  const { totalCount, edges } = data.actions;
  const all = data.municipalityCount.length;
  return (
    <section aria-labelledby="at-risk-title" className="panel overview__side">
      <h2 id="at-risk-title">{t('overview.atRiskTitle')}</h2>
      {totalCount === 0 ? (
        <p>{t('overview.noneAtRisk')}</p>
      ) : (
        <>
          <p>
            <span data-testid="at-risk-total">{t('overview.atRiskTotal', { count: totalCount })}</span>
            {totalCount > edges.length && <> {t('overview.atRiskShown', { shown: edges.length })}</>}
          </p>
          <ol className="at-risk">
            {edges.map(({ node }) => (
              <li key={node.id} className="at-risk__item">
                <Link to={`/actions/${node.id}`} className="at-risk__title">
                  {node.code} <Content>{node.title}</Content>
                </Link>
                <span className="at-risk__figures">
                  <HealthTag health={node.health} />{' '}
                  {t('overview.progressOfExpected', {
                    progress: formatPercent(locale, node.progress),
                    expected: formatPercent(locale, node.expectedProgress),
                  })}
                </span>
                <span className="at-risk__context">
                  {node.lead ? t('overview.ledBy', { name: node.lead.party.name }) : t('overview.noLead')} ·{' '}
                  {names(node.municipalities, all)}
                </span>
                <span className={`at-risk__updated${node.stale ? ' at-risk__updated--stale' : ''}`}>
                  {node.stale && <span aria-hidden="true">◷ </span>}
                  {t('overview.lastUpdate', { date: formatDate(locale, node.lastUpdatedAt) })}
                  {node.stale && <> ({t('overview.staleFlag', { count: staleAfterDays })})</>}
                </span>
              </li>
            ))}
          </ol>
          <p>
            <Link to={atRiskListUrl(['AT_RISK', 'OFF_TRACK'])} data-testid="at-risk-all">
              {t('overview.seeAllAtRisk', { count: totalCount })}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

function MilestoneItem({ milestone, all }: { milestone: WatchedMilestoneFragment; all: number }) {
  const { t, locale } = useI18n();
  const names = useMunicipalityNames();
  return (
    <li className="watch-item">
      <Link to={`/actions/${milestone.actionId}`}>
        <Content>{milestone.title}</Content>
      </Link>
      <span className="watch-item__when">{t('overview.dueOn', { date: formatDate(locale, milestone.dueDate) })}</span>
      <span className="watch-item__context">
        {milestone.action.code} <Content>{milestone.action.title}</Content> ·{' '}
        {names(milestone.action.municipalities, all)}
      </span>
    </li>
  );
}

const ENTITY_TEXT: [string, MessageKey][] = [
  ['status_update', 'activity.statusUpdate'],
  ['milestone', 'activity.milestone'],
  ['involvement', 'activity.involvement'],
  ['project_lead', 'activity.projectLead'],
  ['action', 'activity.action'],
  ['party', 'activity.party'],
  ['network', 'activity.network'],
  ['network_membership', 'activity.network'],
];

/** Overdue milestones, milestones due in the next 30 days, and the latest saved changes. */
export function Watchlist() {
  const { t, locale } = useI18n();
  const { data } = useQuery(WatchlistDocument);
  // From the history, one entry per save; the live connection fetches it again when something is saved.
  const recent = useQuery(RecentChangesDocument);
  const names = useMunicipalityNames();
  if (!data) return null;
  const all = data.municipalityCount.length;
  return (
    <div className="watchlist">
      <section aria-labelledby="overdue-title" className="panel">
        <h2 id="overdue-title">{t('overview.overdueTitle')}</h2>
        {data.overdueMilestones.length === 0 ? (
          <p>{t('overview.noneOverdue')}</p>
        ) : (
          <>
            <ul className="watch-list">
              {data.overdueMilestones.map((m) => (
                <MilestoneItem key={m.id} milestone={m} all={all} />
              ))}
            </ul>
            <p>
              <Link to="/actions?overdue=true">{t('overview.seeAllOverdue')}</Link>
            </p>
          </>
        )}
      </section>
      <section aria-labelledby="upcoming-title" className="panel">
        <h2 id="upcoming-title">{t('overview.upcomingTitle')}</h2>
        {data.upcomingMilestones.length === 0 ? (
          <p>{t('overview.noneUpcoming')}</p>
        ) : (
          <ul className="watch-list">
            {data.upcomingMilestones.map((m) => (
              <MilestoneItem key={m.id} milestone={m} all={all} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="activity-title" className="panel">
        <h2 id="activity-title">{t('overview.activityTitle')}</h2>
        {!recent.data || recent.data.recentChanges.length === 0 ? (
          <p>{t('overview.noActivity')}</p>
        ) : (
          <ul className="watch-list" data-testid="recent-changes">
            {recent.data.recentChanges.map((write) => {
              const kind = write.municipality
                ? t('activity.participationIn', { municipality: write.municipality.name })
                : t(ENTITY_TEXT.find(([entity]) => write.entities.includes(entity))?.[1] ?? 'activity.other');
              return (
                <li key={write.seq} className="watch-item">
                  <span>
                    {kind}
                    {write.actor && <> {t('activity.by', { name: write.actor })}</>}
                  </span>
                  <span className="watch-item__when">
                    <time dateTime={write.occurredAt}>{formatDateTime(locale, write.occurredAt)}</time>
                  </span>
                  {write.action && (
                    <span className="watch-item__context">
                      <Link to={`/actions/${write.action.id}`}>
                        {write.action.code} <Content>{write.action.title}</Content>
                      </Link>{' '}
                      · {write.municipality?.name ?? names(write.action.municipalities, all)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
