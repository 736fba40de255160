import {
  type ActionStatus,
  callPublic,
  type LinkedReportQuery,
  LinkedReportDocument,
  type PublicProblem,
  SaveLinkedReportDocument,
} from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, type MessageKey, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, useContentLang } from '@tiltak/dashboard-ui';
import { ACTION_STATUSES } from '@tiltak/domain';
import { type FormEvent, type Ref, useCallback, useEffect, useId, useRef, useState } from 'react';

type LinkedReport = LinkedReportQuery['linkedReport'];

/** The refusals that end the visit, each with a page of its own that says plainly what happened. */
const ENDINGS: Record<string, { title: MessageKey; body: MessageKey }> = {
  LINK_UNKNOWN: { title: 'reportLink.unknownTitle', body: 'reportLink.unknownBody' },
  LINK_EXPIRED: { title: 'reportLink.expiredTitle', body: 'reportLink.expiredBody' },
  LINK_REVOKED: { title: 'reportLink.revokedTitle', body: 'reportLink.revokedBody' },
  ROUND_CLOSED: { title: 'reportLink.closedTitle', body: 'reportLink.closedBody' },
};

type Visit =
  | { kind: 'loading' }
  | { kind: 'ended'; reason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'open'; report: LinkedReport }
  | { kind: 'submitted'; report: LinkedReport; at: string };

/**
 * The page a report link opens, for a partner without an account: the action, the round, and a
 * short form to report, phone first. The token is the only key; nothing else of Tiltak is shown.
 */
export function ReportLinkPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [visit, setVisit] = useState<Visit>({ kind: 'loading' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Each reading of the link: the first, and one more for every retry or stale save.
  const [reading, setReading] = useState(0);
  const load = useCallback(() => setReading((count) => count + 1), []);

  useEffect(() => {
    let current = true;
    void callPublic(LinkedReportDocument, { token }).then((answer) => {
      if (current)
        setVisit('data' in answer ? { kind: 'open', report: answer.data.linkedReport } : endingOf(answer.problem));
    });
    return () => {
      current = false;
    };
  }, [token, reading]);

  // A new stage of the visit (an ending, the receipt) takes focus to its heading, so a screen
  // reader reads what happened.
  useEffect(() => {
    if (visit.kind === 'ended' || visit.kind === 'submitted') headingRef.current?.focus();
  }, [visit.kind]);

  const title =
    visit.kind === 'ended'
      ? t(ENDINGS[visit.reason].title)
      : visit.kind === 'submitted'
        ? t('reportLink.receiptTitle')
        : t('reportLink.pageTitle');
  useDocumentTitle(title);

  switch (visit.kind) {
    case 'loading':
      return (
        <p role="status" className="status">
          {t('status.loading')}
        </p>
      );
    case 'unavailable':
      return (
        <section className="report-link" aria-labelledby="report-link-title">
          <h1 id="report-link-title">{t('reportLink.pageTitle')}</h1>
          <p role="alert" className="status status--error">
            {t(visit.reason === 'RATE_LIMITED' ? 'reportLink.rateLimited' : 'reportLink.unavailable')}
          </p>
          <button type="button" onClick={load}>
            {t('reportLink.tryAgain')}
          </button>
        </section>
      );
    case 'ended':
      return (
        <section className="report-link" aria-labelledby="report-link-title">
          <h1 id="report-link-title" tabIndex={-1} ref={headingRef}>
            {t(ENDINGS[visit.reason].title)}
          </h1>
          <p>{t(ENDINGS[visit.reason].body)}</p>
        </section>
      );
    case 'submitted':
      return <Receipt report={visit.report} at={visit.at} headingRef={headingRef} />;
    case 'open':
      return (
        <ReportForm
          token={token}
          report={visit.report}
          onSaved={(report, submitted) =>
            setVisit(submitted ? { kind: 'submitted', report, at: new Date().toISOString() } : { kind: 'open', report })
          }
          onEnded={(problem) => setVisit(endingOf(problem))}
          onStale={load}
        />
      );
  }
}

function endingOf(problem: PublicProblem): Visit {
  return problem.reason in ENDINGS
    ? { kind: 'ended', reason: problem.reason }
    : { kind: 'unavailable', reason: problem.reason };
}

function Receipt({
  report,
  at,
  headingRef,
}: {
  report: LinkedReport;
  at: string;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="report-link" aria-labelledby="report-link-title">
      <h1 id="report-link-title" tabIndex={-1} ref={headingRef}>
        {t('reportLink.receiptTitle')}
      </h1>
      <p>
        {t('reportLink.receiptBody', {
          action: `${report.actionCode} ${report.actionTitle}`,
          round: report.roundName,
          time: formatDateTime(locale, at),
          sentFor: report.sentFor,
        })}
      </p>
      <p>{t('reportLink.receiptClose')}</p>
    </section>
  );
}

type Field = 'progress' | 'narrative';

interface FormProps {
  token: string;
  report: LinkedReport;
  onSaved(report: LinkedReport, submitted: boolean): void;
  onEnded(problem: PublicProblem): void;
  onStale(): void;
}

function ReportForm({ token, report, onSaved, onEnded, onStale }: FormProps) {
  const { t, locale } = useI18n();
  const ids = { status: useId(), progress: useId(), narrative: useId(), milestones: useId() };
  const [status, setStatus] = useState<ActionStatus>(report.status ?? 'IN_PROGRESS');
  const [progress, setProgress] = useState(report.progress === null ? '' : String(report.progress));
  const [narrative, setNarrative] = useState(report.narrative);
  const [completing, setCompleting] = useState<string[]>([]);
  const [problems, setProblems] = useState<Partial<Record<Field, MessageKey>>>({});
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const saidRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (said?.error) saidRef.current?.focus();
  }, [said]);

  if (report.reportState === 'SUBMITTED') {
    return (
      <section className="report-link" aria-labelledby="report-link-title">
        <Heading report={report} />
        <p role="status" className="status">
          {t('reportLink.alreadySubmitted', { sentFor: report.sentFor })}
        </p>
      </section>
    );
  }

  const send = async (submit: boolean) => {
    const found: Partial<Record<Field, MessageKey>> = {};
    const progressValue = progress.trim() === '' ? null : Number(progress);
    if (
      !report.progressFromMilestones &&
      progressValue !== null &&
      !(Number.isInteger(progressValue) && progressValue >= 0 && progressValue <= 100)
    ) {
      found.progress = 'reportLink.progressInvalid';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setSaid({ text: t('reportLink.fixErrors'), error: true });
      return;
    }
    setBusy(true);
    setSaid(null);
    const answer = await callPublic(SaveLinkedReportDocument, {
      token,
      input: {
        expectedVersion: report.version,
        status,
        ...(!report.progressFromMilestones && progressValue !== null && { progress: progressValue }),
        narrative,
        // Milestones are completed by a submission only; a draft keeps the ticks on the page.
        ...(submit && completing.length > 0 && { completeMilestoneIds: completing }),
        submit,
      },
    });
    setBusy(false);
    if ('data' in answer) {
      const saved = { ...report, ...answer.data.saveLinkedReport };
      if (!submit) setSaid({ text: t('reportLink.draftSaved'), error: false });
      onSaved(saved, submit);
      return;
    }
    const { reason, message } = answer.problem;
    if (reason in ENDINGS) return onEnded(answer.problem);
    if (reason === 'NARRATIVE_REQUIRED') {
      setProblems({ narrative: 'reportLink.narrativeRequired' });
      setSaid({ text: t('reportLink.fixErrors'), error: true });
      return;
    }
    if (reason === 'STALE_VERSION' || reason === 'CONFLICT') {
      setSaid({ text: t('reportLink.conflict'), error: true });
      onStale();
      return;
    }
    setSaid({
      text: t(reason === 'RATE_LIMITED' ? 'reportLink.rateLimited' : 'reportLink.refused', { reason: message }),
      error: true,
    });
  };

  const submitForm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(true);
  };

  const described = (field: Field, id: string, hint?: string) => {
    const ids = [hint, problems[field] ? `${id}-problem` : undefined].filter(Boolean).join(' ');
    return {
      'aria-invalid': problems[field] ? (true as const) : undefined,
      'aria-describedby': ids || undefined,
    };
  };
  const problem = (field: Field, id: string) =>
    problems[field] && (
      <p id={`${id}-problem`} className="status--error">
        {t(problems[field])}
      </p>
    );

  return (
    <section className="report-link" aria-labelledby="report-link-title">
      <Heading report={report} />
      <h2 id="report-link-form-title">{t('reportLink.formTitle')}</h2>
      {said && (
        <p
          ref={saidRef}
          tabIndex={-1}
          role={said.error ? 'alert' : 'status'}
          className={said.error ? 'status status--error' : 'status'}
        >
          {said.text}
        </p>
      )}
      <form className="report-link__form" aria-labelledby="report-link-form-title" onSubmit={submitForm} noValidate>
        <label htmlFor={ids.status}>{t('reportLink.status')}</label>
        <select id={ids.status} value={status} onChange={(event) => setStatus(event.target.value as ActionStatus)}>
          {ACTION_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>

        {report.progressFromMilestones ? (
          <p className="report-link__hint">{t('reportLink.progressFromMilestones')}</p>
        ) : (
          <>
            <label htmlFor={ids.progress}>{t('reportLink.progress')}</label>
            <p id={`${ids.progress}-hint`} className="report-link__hint">
              {t('reportLink.progressHint')}
            </p>
            {problem('progress', ids.progress)}
            <input
              id={ids.progress}
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              autoComplete="off"
              value={progress}
              onChange={(event) => setProgress(event.target.value)}
              {...described('progress', ids.progress, `${ids.progress}-hint`)}
            />
          </>
        )}

        <label htmlFor={ids.narrative}>{t('reportLink.narrative')}</label>
        <p id={`${ids.narrative}-hint`} className="report-link__hint">
          {t('reportLink.narrativeHint')}
        </p>
        {problem('narrative', ids.narrative)}
        <textarea
          id={ids.narrative}
          rows={6}
          maxLength={10_000}
          value={narrative}
          onChange={(event) => setNarrative(event.target.value)}
          {...described('narrative', ids.narrative, `${ids.narrative}-hint`)}
        />

        <fieldset className="report-link__milestones" aria-describedby={`${ids.milestones}-hint`}>
          <legend>{t('reportLink.milestones')}</legend>
          {report.openMilestones.length === 0 ? (
            <p id={`${ids.milestones}-hint`}>{t('reportLink.noMilestones')}</p>
          ) : (
            <>
              <p id={`${ids.milestones}-hint`} className="report-link__hint">
                {t('reportLink.milestonesHint')}
              </p>
              {report.openMilestones.map((milestone) => (
                <label key={milestone.id} className="report-link__check">
                  <input
                    type="checkbox"
                    checked={completing.includes(milestone.id)}
                    onChange={(event) =>
                      setCompleting((current) =>
                        event.target.checked ? [...current, milestone.id] : current.filter((id) => id !== milestone.id),
                      )
                    }
                  />
                  <span>
                    <Content>{milestone.title}</Content>{' '}
                    <span className="report-link__due">
                      ({t('reportLink.milestoneDue', { date: formatDate(locale, milestone.dueDate) })})
                    </span>
                  </span>
                </label>
              ))}
            </>
          )}
        </fieldset>

        <div className="report-link__buttons">
          <button type="submit" disabled={busy}>
            {busy ? t('reportLink.sending') : t('reportLink.submit')}
          </button>
          <button type="button" disabled={busy} onClick={() => void send(false)}>
            {t('reportLink.saveDraft')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** What the report is about: the action, the round, its deadline and how long the link works. */
function Heading({ report }: { report: LinkedReport }) {
  const { t, locale } = useI18n();
  // The action's texts are the programme's own, in Norwegian, whatever language the page speaks.
  const contentLang = useContentLang();
  return (
    <>
      <h1 id="report-link-title">
        {report.actionCode} <Content>{report.actionTitle}</Content>
      </h1>
      <p>{t('reportLink.intro', { sender: report.sentBy, sentFor: report.sentFor, round: report.roundName })}</p>
      {report.municipalityName && <p>{t('reportLink.part', { municipality: report.municipalityName })}</p>}
      {report.actionDescription && (
        <p className="report-link__description" lang={contentLang}>
          {report.actionDescription}
        </p>
      )}
      <dl className="report-link__facts">
        <div>
          <dt>{t('reportLink.deadline')}</dt>
          <dd>{formatDate(locale, report.deadline)}</dd>
        </div>
        <div>
          <dt>{t('reportLink.validUntil')}</dt>
          <dd>{formatDateTime(locale, report.expiresAt)}</dd>
        </div>
        <div>
          <dt>{t('reportLink.reportState')}</dt>
          <dd>{t(`reportLink.state.${report.reportState as 'NOT_STARTED'}`)}</dd>
        </div>
      </dl>
    </>
  );
}
