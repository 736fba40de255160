import { useQuery } from '@apollo/client/react';
import { useRecentChanges, WatchlistDocument } from '@tiltak/dashboard-data-access';
import { formatDate, formatPercent, type MessageKey, useI18n } from '@tiltak/dashboard-i18n';
import { Link } from 'react-router';

const ENTITY_TEXT: Record<string, MessageKey> = {
  action: 'activity.action',
  milestone: 'activity.milestone',
  participation: 'activity.participation',
  involvement: 'activity.involvement',
  project_lead: 'activity.projectLead',
  status_update: 'activity.statusUpdate',
  party: 'activity.party',
};

/** Actions slipping, milestones due in the next 30 days, and the latest changes as they arrive. */
export function Watchlist() {
  const { t, locale } = useI18n();
  const { data } = useQuery(WatchlistDocument);
  const recent = useRecentChanges();
  if (!data) return null;
  return (
    <div className="watchlist">
      <section aria-labelledby="at-risk-title" className="panel">
        <h2 id="at-risk-title">{t('overview.atRiskTitle')}</h2>
        {data.actions.totalCount === 0 ? (
          <p>{t('overview.noneAtRisk')}</p>
        ) : (
          <ul>
            {data.actions.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/actions/${node.id}`}>
                  {node.code} {node.title}
                </Link>{' '}
                – {t(`health.${node.health}`)}, {formatPercent(locale, node.progress)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="upcoming-title" className="panel">
        <h2 id="upcoming-title">{t('overview.upcomingTitle')}</h2>
        {data.upcomingMilestones.length === 0 ? (
          <p>{t('overview.noneUpcoming')}</p>
        ) : (
          <ul>
            {data.upcomingMilestones.map((m) => (
              <li key={m.id}>
                <Link to={`/actions/${m.actionId}`}>{m.title}</Link> – {formatDate(locale, m.dueDate)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="activity-title" className="panel">
        <h2 id="activity-title">{t('overview.activityTitle')}</h2>
        {recent.length === 0 ? (
          <p>{t('overview.noActivity')}</p>
        ) : (
          <ul>
            {recent.map((change) => (
              <li key={change.seq}>
                {t(ENTITY_TEXT[change.entity ?? ''] ?? 'activity.other')}
                {change.actor && ` – ${change.actor}`}
                {change.actionId && (
                  <>
                    {' '}
                    (<Link to={`/actions/${change.actionId}`}>{t('activity.open')}</Link>)
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
