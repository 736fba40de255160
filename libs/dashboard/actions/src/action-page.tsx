import { useQuery } from '@apollo/client/react';
import { ActionDocument, usePresence, useSession } from '@tiltak/dashboard-data-access';
import { formatDate, formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, ProgressBar, StatusMessage, useContentLang } from '@tiltak/dashboard-ui';
import { HEALTH_THRESHOLDS } from '@tiltak/domain';
import { useEffect, useRef } from 'react';
import { useLocation, useParams } from 'react-router';
import { ArchiveSection } from './archive-section';
import { ActionPeriods } from './action-periods';
import { GovernanceSection } from './governance-section';
import { FundingSection } from './funding-section';
import { InvolvementsPanel } from './involvements-panel';
import { MilestoneList } from './milestone-list';
import { GoalsSection } from './goals-section';
import { ReportLinksSection } from './report-links-section';
import { FoundedNetworksSection } from './founded-networks-section';
import { STATUS_FORM_ID, StatusUpdateForm } from './status-update-form';

/** `/actions/:id`: one action, with what its lead needs to update it in under a minute. */
export function ActionPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { store } = useSession();
  const presence = usePresence(store, id);
  const { data, error } = useQuery(ActionDocument, { variables: { id } });
  const action = data?.action;
  const statusField = useRef<HTMLSelectElement>(null);
  const location = useLocation();
  const mayUpdate = action?.viewerCan.updateStatus ?? false;
  const contentLang = useContentLang();

  useDocumentTitle(action ? `${action.code} ${action.title}` : t('actions.title'));

  // Opened at the form (a lead's "Oppdater status"): once the form is there, start in it. After the
  // frame has painted, so the page's own focus on arrival does not take it back.
  const openAtForm = location.hash === `#${STATUS_FORM_ID}` && mayUpdate;
  useEffect(() => {
    if (!openAtForm) return;
    const frame = requestAnimationFrame(() => goToForm(statusField.current));
    return () => cancelAnimationFrame(frame);
  }, [openAtForm, location.key]);

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!action) return <h1>{t('action.notFound')}</h1>;

  // The API says what this viewer may do here, by the rules it checks each write with.
  const may = action.viewerCan;
  const date = (value: string) => formatDate(locale, value);

  return (
    <article className="action">
      <h1 lang={contentLang}>
        <span className="action__code">{action.code}</span> {action.title}
      </h1>
      <p className="lead">
        <Content>{action.focusArea.name}</Content> ·{' '}
        {t('action.dates', { start: date(action.startDate), due: date(action.dueDate) })}
        {action.overdue && ` · ${t('action.overdue')}`}
      </p>
      <p className="action__figures">
        {t(`status.${action.status}`)} ·{' '}
        <ProgressBar value={action.progress} text={formatPercent(locale, action.progress)} /> ·{' '}
        {t(`health.${action.health}`)}
      </p>
      {may.updateStatus && (
        <p>
          <a
            className="button-link"
            href={`#${STATUS_FORM_ID}`}
            onClick={(event) => {
              event.preventDefault();
              goToForm(statusField.current);
            }}
          >
            {t('action.goToUpdate')}
          </a>
        </p>
      )}
      {action.description && <p lang={contentLang}>{action.description}</p>}
      <ActionPeriods action={action} />
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
                  {m.note && (
                    <>
                      {' – '}
                      <Content>{m.note}</Content>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <InvolvementsPanel action={action} />
          <ArchiveSection action={action} mayEdit={may.edit} />
          <GoalsSection actionId={action.id} mayEdit={may.edit} />
          <ReportLinksSection actionId={action.id} />
          <FoundedNetworksSection actionId={action.id} />
          <FundingSection action={action} />
          {action.milestones.length > 0 && (
            <MilestoneList milestones={action.milestones} mayEdit={may.editMilestones} />
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
          <GovernanceSection action={action} />
          {may.updateStatus && (
            <StatusUpdateForm action={action} onEditing={presence.editing} firstFieldRef={statusField} />
          )}
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
                    {entry.earlierPeriod && ` (${t('action.historyEarlierPeriod', { period: entry.period })})`}
                    {entry.comment && <p lang={contentLang}>{entry.comment}</p>}
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

/** Moves the user into the status form: its first field, with the form's top in view. */
function goToForm(field: HTMLSelectElement | null) {
  if (!field) return;
  field.focus({ preventScroll: true });
  field.closest('section')?.scrollIntoView({ block: 'start' });
}
