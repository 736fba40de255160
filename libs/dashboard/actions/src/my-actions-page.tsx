import { useQuery } from '@apollo/client/react';
import { ActionsToUpdateDocument, type ActionsToUpdateQuery } from '@tiltak/dashboard-data-access';
import { formatDateTime, formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ProgressBar, StatusMessage } from '@tiltak/dashboard-ui';
import { isFinished, worseHealthFirst } from '@tiltak/domain';
import { Link } from 'react-router';
import { STATUS_FORM_ID } from './status-update-form';

type ActionToUpdate = ActionsToUpdateQuery['actions']['edges'][number]['node'];

/** When the action's status was last updated (its creation, when never), as the overview says it. */
const lastUpdateTime = (action: ActionToUpdate) => Date.parse(action.lastUpdatedAt);

/** Worst first: off track, at risk, on track; among equals the longest without an update; finished work last. */
export function worstAndStalestFirst(actions: readonly ActionToUpdate[]): ActionToUpdate[] {
  return [...actions].sort(
    (a, b) =>
      Number(isFinished(a.status)) - Number(isFinished(b.status)) ||
      worseHealthFirst(a.health, b.health) ||
      lastUpdateTime(a) - lastUpdateTime(b) ||
      a.code.localeCompare(b.code),
  );
}

/**
 * `/my-actions`: where a project lead lands. The actions the API says they may update, the ones
 * that need them most at the top, each with the status form one link away.
 */
export function MyActionsPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(ActionsToUpdateDocument);

  useDocumentTitle(t('myActions.title'));

  const actions = worstAndStalestFirst(data?.actions.edges.map((edge) => edge.node) ?? []);
  return (
    <>
      <h1>{t('myActions.title')}</h1>
      <p className="lead">{t('myActions.intro')}</p>
      {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
      {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
      {data && actions.length === 0 && <p>{t('myActions.none')}</p>}
      {data && data.actions.totalCount > actions.length && (
        <p>
          {t('myActions.partial', { shown: actions.length, total: data.actions.totalCount })}{' '}
          <Link to="/actions">{t('actions.clearFilters')}</Link>
        </p>
      )}
      {actions.length > 0 && (
        <ol className="my-actions">
          {actions.map((action) => (
            <li key={action.id} className="my-action">
              <h2 className="my-action__title">
                <Link to={`/actions/${action.id}`}>
                  <span className="action__code">{action.code}</span> {action.title}
                </Link>
              </h2>
              <p className="my-action__figures">
                <span className={`health health--${action.health.toLowerCase()}`}>{t(`health.${action.health}`)}</span>
                {' · '}
                {t(`status.${action.status}`)}
              </p>
              <p className="my-action__figures">
                <ProgressBar
                  value={action.progress}
                  text={t('myActions.progress', {
                    progress: formatPercent(locale, action.progress),
                    expected: formatPercent(locale, action.expectedProgress),
                  })}
                />
              </p>
              <p className="my-action__figures">
                <LastUpdate action={action} staleAfterDays={data?.currentProgramme?.standing.staleAfterDays ?? null} />
                {action.lead && ` · ${action.lead.party.name}`}
              </p>
              <Link className="button-link" to={`/actions/${action.id}#${STATUS_FORM_ID}`}>
                {t('myActions.update')}
                <span className="visually-hidden">
                  : {action.code} {action.title}
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function LastUpdate({ action, staleAfterDays }: { action: ActionToUpdate; staleAfterDays: number | null }) {
  const { t, locale } = useI18n();
  return (
    <>
      {t('overview.lastUpdate', { date: formatDateTime(locale, action.lastUpdatedAt) })}
      {action.stale && staleAfterDays !== null && <> ({t('overview.staleFlag', { count: staleAfterDays })})</>}
    </>
  );
}
