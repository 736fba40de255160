import { useMutation, useQuery } from '@apollo/client/react';
import {
  ActionDocument,
  CompleteMilestoneDocument,
  ReopenMilestoneDocument,
  refusalOf,
  usePresence,
  useSession,
} from '@tiltak/dashboard-data-access';
import { formatDate, formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ProgressBar, StatusMessage } from '@tiltak/dashboard-ui';
import { HEALTH_THRESHOLDS } from '@tiltak/domain';
import { useState } from 'react';
import { useParams } from 'react-router';
import { InvolvementsPanel } from './involvements-panel';
import { StatusUpdateForm } from './status-update-form';

/** `/actions/:id`: one action, with what its lead needs to update it in under a minute. */
export function ActionPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { store } = useSession();
  const presence = usePresence(store, id);
  const { data, error } = useQuery(ActionDocument, { variables: { id } });
  const [complete] = useMutation(CompleteMilestoneDocument);
  const [reopen] = useMutation(ReopenMilestoneDocument);
  const [milestoneRefusal, setMilestoneRefusal] = useState<string | null>(null);
  const action = data?.action;

  useDocumentTitle(action ? `${action.code} ${action.title}` : t('actions.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!action) return <p>{t('action.notFound')}</p>;

  // The API says what this viewer may do here, by the rules it checks each write with.
  const may = action.viewerCan;
  const date = (value: string) => formatDate(locale, value);

  return (
    <article className="action">
      <h1>
        <span className="action__code">{action.code}</span> {action.title}
      </h1>
      <p className="lead">
        {action.focusArea.name} · {t('action.dates', { start: date(action.startDate), due: date(action.dueDate) })}
        {action.overdue && ` · ${t('action.overdue')}`}
      </p>
      <p className="action__figures">
        {t(`status.${action.status}`)} ·{' '}
        <ProgressBar value={action.progress} text={formatPercent(locale, action.progress)} /> ·{' '}
        {t(`health.${action.health}`)}
      </p>
      {action.description && <p>{action.description}</p>}
      {presence.others.length > 0 && (
        <p className="presence" aria-live="polite">
          {t('presence.alsoHere', {
            names: presence.others
              .map((entry) =>
                entry.editing
                  ? t('presence.editing', {
                      name: entry.name,
                      field: entry.editing,
                    })
                  : entry.name,
              )
              .join(', '),
          })}
        </p>
      )}

      <div className="action__columns">
        <div>
          <section aria-labelledby="municipalities-title" className="panel">
            <h2 id="municipalities-title">{t('action.municipalities')}</h2>
            <ul>
              {action.municipalities.map((m) => (
                <li key={m.municipality.id}>
                  <strong>{m.municipality.name}</strong>: {t(`status.${m.status}`)}, {formatPercent(locale, m.progress)}
                  , {t(`health.${m.health}`)}
                  {m.note && ` – ${m.note}`}
                </li>
              ))}
            </ul>
          </section>
          <InvolvementsPanel action={action} />
          {action.milestones.length > 0 && (
            <section aria-labelledby="milestones-title" className="panel">
              <h2 id="milestones-title">{t('action.milestones')}</h2>
              <ul className="milestones">
                {action.milestones.map((m) => (
                  <li key={m.id}>
                    <span>
                      {m.title} (
                      {m.completedOn
                        ? t('action.milestoneDone', { date: date(m.completedOn) })
                        : t('action.milestoneDue', { date: date(m.dueDate) })}
                      {m.overdue && `, ${t('action.overdue').toLowerCase()}`})
                    </span>
                    {may.editMilestones && (
                      <button
                        type="button"
                        onClick={() => {
                          setMilestoneRefusal(null);
                          (m.completedOn ? reopen : complete)({
                            variables: { input: { milestoneId: m.id, expectedVersion: m.version } },
                          }).catch((problem: unknown) => {
                            const { reason, detail } = refusalOf(problem);
                            setMilestoneRefusal(t(`refusal.${reason}`, { reason: detail }));
                          });
                        }}
                      >
                        {m.completedOn ? t('action.reopen') : t('action.complete')}
                        <span className="visually-hidden">: {m.title}</span>
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              <p role="status" className="status--error">
                {milestoneRefusal}
              </p>
            </section>
          )}
          <section aria-labelledby="explanation-title" className="panel">
            <h2 id="explanation-title">{t('action.explanation')}</h2>
            <p>
              {action.progressExplanation.source === 'MILESTONES'
                ? t('action.explainMilestones')
                : t('action.explainManual')}
            </p>
            <p>
              {t('action.explainHealth', {
                expected: formatPercent(locale, action.expectedProgress),
                atRisk: HEALTH_THRESHOLDS.atRisk,
                offTrack: HEALTH_THRESHOLDS.offTrack,
              })}
            </p>
            {action.healthOverride && <p>{t('action.explainOverride', { comment: action.healthOverride.comment })}</p>}
          </section>
        </div>
        <div>
          {may.updateStatus && <StatusUpdateForm action={action} onEditing={presence.editing} />}
          <section aria-labelledby="history-title" className="panel">
            <h2 id="history-title">{t('action.history')}</h2>
            {action.history.length === 0 ? (
              <p>{t('action.noHistory')}</p>
            ) : (
              <ol className="history">
                {action.history.map((entry) => (
                  <li key={entry.id}>
                    <strong>{date(entry.createdAt)}</strong>: {t(`status.${entry.status}`)},{' '}
                    {formatPercent(locale, entry.progress)}, {t(`health.${entry.health}`)}
                    {entry.author && ` – ${entry.author}`}
                    {entry.comment && <p>{entry.comment}</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
