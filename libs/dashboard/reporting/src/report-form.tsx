import { CombinedGraphQLErrors } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import {
  type ActionStatus,
  type Health,
  type ReportFormFragment,
  refusalOf,
  SaveReportDocument,
  type SaveReportInput,
} from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { ACTION_STATUSES, HEALTHS, needsNarrative, ROUND_LIMITS } from '@tiltak/domain';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';

/** What the form holds: the report's saved figures, or the action's own where the report has none yet. */
interface Fields {
  status: ActionStatus;
  progress: string;
  /** '' keeps the health the rules compute. */
  health: Health | '';
  narrative: string;
  completeMilestoneIds: string[];
}

/** The report as saved now, from a CONFLICT answer. */
interface Current {
  status: ActionStatus | null;
  progress: number | null;
  health: Health | null;
  narrative: string;
  version: number;
}

function fieldsOf(report: ReportFormFragment): Fields {
  return {
    status: report.status ?? report.action.status,
    progress: String(report.progress ?? report.action.progress),
    health: report.health ?? '',
    narrative: report.narrative,
    completeMilestoneIds: [],
  };
}

/**
 * One report's form, opened in place in "Mine oppgaver": status, progress (or the milestones that
 * drive it), health and what is happening. A draft keeps the form open and says so; a submission
 * hands back to the page (`onSubmitted`), which says so where focus then goes. The narrative rule
 * is checked here too, so the user learns it at the field before the server refuses.
 */
export function ReportForm({
  report,
  onSubmitted,
  onClose,
}: {
  report: ReportFormFragment;
  onSubmitted(report: ReportFormFragment): void;
  onClose(): void;
}) {
  const { t, locale } = useI18n();
  const [save, { loading }] = useMutation(SaveReportDocument);
  const [fields, setFields] = useState<Fields>(() => fieldsOf(report));
  const [expectedVersion, setExpectedVersion] = useState(report.version);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  const [narrativeError, setNarrativeError] = useState(false);
  const [conflict, setConflict] = useState<{ mine: SaveReportInput; current: Current } | null>(null);
  const ids = {
    title: useId(),
    status: useId(),
    progress: useId(),
    health: useId(),
    narrative: useId(),
    narrativeHint: useId(),
    narrativeError: useId(),
    milestonesHint: useId(),
  };
  const firstField = useRef<HTMLSelectElement>(null);
  const narrativeField = useRef<HTMLTextAreaElement>(null);
  const conflictBox = useRef<HTMLDivElement>(null);

  // Opened by the keyboard or the mouse, the form starts at its first field.
  useEffect(() => firstField.current?.focus(), []);
  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict]);

  const milestones = report.action.milestones;
  const driven = milestones.length > 0;
  // The server's rule: a worry needs its reason, and so does judging otherwise than the rules. Left
  // out, the health is the lead's standing judgement for the action's own report, else the rules'.
  const standing = report.municipality ? report.action.computedHealth : report.action.health;
  const effectiveHealth = fields.health === '' ? standing : fields.health;
  const overrules = fields.health !== '' && fields.health !== report.action.computedHealth;
  const narrativeNeeded = needsNarrative(effectiveHealth) || overrules;
  const action = `${report.action.code} ${report.action.title}`;

  const edit = (change: Partial<Fields>) => {
    setSaid(null);
    setFields((current) => ({ ...current, ...change }));
    if (change.narrative?.trim()) setNarrativeError(false);
  };

  const send = async (input: SaveReportInput) => {
    setSaid(null);
    try {
      const result = await save({ variables: { input } });
      const saved = result.data?.saveReport;
      setConflict(null);
      if (!saved) return;
      setExpectedVersion(saved.version);
      if (input.submit) onSubmitted(saved);
      else setSaid({ text: t('report.draftSaved'), refused: false });
    } catch (error) {
      const problem = CombinedGraphQLErrors.is(error) ? error.errors[0] : null;
      if (problem?.extensions?.['code'] === 'CONFLICT' && problem.extensions['current']) {
        setConflict({ mine: input, current: problem.extensions['current'] as Current });
        return;
      }
      const refusal = refusalOf(error);
      if (refusal.reason === 'NARRATIVE_REQUIRED') {
        setNarrativeError(true);
        narrativeField.current?.focus();
        return;
      }
      setSaid({
        text:
          refusal.reason === 'other'
            ? t('report.refused', { reason: refusal.detail })
            : t(`refusal.${refusal.reason}`, { reason: refusal.detail }),
        refused: true,
      });
    }
  };

  const inputFor = (submit: boolean): SaveReportInput => ({
    reportId: report.id,
    expectedVersion,
    status: fields.status,
    ...(!driven && fields.progress !== '' && { progress: Number(fields.progress) }),
    ...(fields.health !== '' && { health: fields.health }),
    narrative: fields.narrative,
    // Milestones are completed by the submission; a draft keeps the ticks on this page only.
    ...(submit && fields.completeMilestoneIds.length > 0 && { completeMilestoneIds: fields.completeMilestoneIds }),
    submit,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitting = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'submit';
    if (submitting && narrativeNeeded && !fields.narrative.trim()) {
      setNarrativeError(true);
      narrativeField.current?.focus();
      return;
    }
    void send(inputFor(submitting));
  };

  const takeSaved = () => {
    if (!conflict) return;
    const { current } = conflict;
    setFields({
      status: current.status ?? report.action.status,
      progress: String(current.progress ?? report.action.progress),
      health: current.health ?? '',
      narrative: current.narrative,
      completeMilestoneIds: [],
    });
    setExpectedVersion(current.version);
    setConflict(null);
    firstField.current?.focus();
  };

  const narrativeDescribedBy = [
    narrativeNeeded ? ids.narrativeHint : null,
    narrativeError && narrativeNeeded ? ids.narrativeError : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="report-form">
      {conflict && (
        <div role="alert" className="conflict" tabIndex={-1} ref={conflictBox}>
          <h4>{t('report.conflictTitle')}</h4>
          <p>{t('report.conflictIntro')}</p>
          <p>
            {conflict.current.status && t(`status.${conflict.current.status}`)}
            {conflict.current.progress !== null && ` · ${conflict.current.progress} %`}
            {conflict.current.health && ` · ${t(`health.${conflict.current.health}`)}`}
            {' · '}
            {conflict.current.narrative ? `«${conflict.current.narrative}»` : t('report.narrativeNone')}
          </p>
          <button
            type="button"
            onClick={() => void send({ ...conflict.mine, expectedVersion: conflict.current.version })}
          >
            {t('report.applyMine')}
          </button>{' '}
          <button type="button" onClick={takeSaved}>
            {t('report.dropMine')}
          </button>
        </div>
      )}
      <form onSubmit={submit} className="stacked-form" aria-labelledby={ids.title} noValidate>
        <h4 id={ids.title} className="visually-hidden">
          {t('report.formTitle', { action })}
        </h4>
        <label htmlFor={ids.status}>{t('report.status')}</label>
        <select
          id={ids.status}
          ref={firstField}
          value={fields.status}
          onChange={(event) => edit({ status: event.target.value as ActionStatus })}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        {driven ? (
          <fieldset className="report-form__milestones" aria-describedby={ids.milestonesHint}>
            <legend>{t('report.milestones')}</legend>
            <p id={ids.milestonesHint}>{t('report.milestonesHint')}</p>
            <ul>
              {milestones.map((milestone) => (
                <li key={milestone.id}>
                  {milestone.completedOn ? (
                    t('report.milestoneDone', {
                      title: milestone.title,
                      date: formatDate(locale, milestone.completedOn),
                    })
                  ) : (
                    <label className="filters__check">
                      <input
                        type="checkbox"
                        checked={fields.completeMilestoneIds.includes(milestone.id)}
                        onChange={(event) =>
                          edit({
                            completeMilestoneIds: event.target.checked
                              ? [...fields.completeMilestoneIds, milestone.id]
                              : fields.completeMilestoneIds.filter((id) => id !== milestone.id),
                          })
                        }
                      />{' '}
                      {milestone.title}
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
          <>
            <label htmlFor={ids.progress}>{t('report.progress')}</label>
            <input
              id={ids.progress}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={fields.progress}
              onChange={(event) => edit({ progress: event.target.value })}
            />
          </>
        )}
        <label htmlFor={ids.health}>{t('report.health')}</label>
        <select
          id={ids.health}
          value={fields.health}
          onChange={(event) => edit({ health: event.target.value as Health | '' })}
        >
          <option value="">
            {!report.municipality && report.action.healthOverride
              ? t('report.healthKeep', { health: t(`health.${report.action.healthOverride.health}`) })
              : t('report.healthComputed', { health: t(`health.${report.action.computedHealth}`) })}
          </option>
          {HEALTHS.map((health) => (
            <option key={health} value={health}>
              {t(`health.${health}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.narrative}>{t('report.narrative')}</label>
        {narrativeNeeded && (
          <p id={ids.narrativeHint} className="hint">
            {t('report.narrativeRequired')}
          </p>
        )}
        <textarea
          id={ids.narrative}
          ref={narrativeField}
          rows={4}
          maxLength={ROUND_LIMITS.narrativeLength}
          value={fields.narrative}
          required={narrativeNeeded}
          aria-invalid={narrativeError && narrativeNeeded ? true : undefined}
          aria-describedby={narrativeDescribedBy || undefined}
          onChange={(event) => edit({ narrative: event.target.value })}
        />
        {narrativeError && narrativeNeeded && (
          <p id={ids.narrativeError} className="status--error">
            {t('report.narrativeMissing', { reason: needsNarrative(effectiveHealth) ? effectiveHealth : 'OVERRULED' })}
          </p>
        )}
        <div className="report-form__buttons">
          <button type="submit" name="intent" value="draft" disabled={loading} className="button--secondary">
            {t('report.saveDraft')}
          </button>
          <button type="submit" name="intent" value="submit" disabled={loading}>
            {t('report.submit')}
          </button>
          <button type="button" onClick={onClose}>
            {t('myReports.close')}
          </button>
        </div>
      </form>
      <OutcomeMessage text={said?.text} refused={said?.refused} />
    </div>
  );
}
