import { useMutation } from '@apollo/client/react';
import {
  type ActionDetail,
  CompleteMilestoneDocument,
  refusalOf,
  ReopenMilestoneDocument,
} from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { Content } from '@tiltak/dashboard-ui';
import { useRef, useState } from 'react';

type Milestone = ActionDetail['milestones'][number];

/**
 * An action's milestones, and for those who may, the button that completes or reopens each. The
 * button turns into its opposite once pressed, so the result is said in words and focus moves to
 * that sentence: a second press of Enter then does nothing, instead of silently undoing the first.
 */
export function MilestoneList({ milestones, mayEdit }: { milestones: Milestone[]; mayEdit: boolean }) {
  const { t, locale } = useI18n();
  const [complete] = useMutation(CompleteMilestoneDocument);
  const [reopen] = useMutation(ReopenMilestoneDocument);
  const [result, setResult] = useState<{ text: string; refused: boolean } | null>(null);
  const resultRef = useRef<HTMLParagraphElement>(null);
  // One change at a time: a press while the last is on its way would only meet the version check.
  const busy = useRef(false);
  const date = (value: string) => formatDate(locale, value);

  const toggle = async (milestone: Milestone) => {
    if (busy.current) return;
    busy.current = true;
    setResult(null);
    const done = milestone.completedOn !== null;
    try {
      await (done ? reopen : complete)({
        variables: { input: { milestoneId: milestone.id, expectedVersion: milestone.version } },
      });
      setResult({
        text: t(done ? 'action.milestoneReopened' : 'action.milestoneCompleted', { title: milestone.title }),
        refused: false,
      });
    } catch (problem: unknown) {
      const { reason, detail } = refusalOf(problem);
      setResult({ text: t(`refusal.${reason}`, { reason: detail }), refused: true });
    } finally {
      busy.current = false;
    }
    resultRef.current?.focus();
  };

  return (
    <section aria-labelledby="milestones-title" className="panel">
      <h2 id="milestones-title">{t('action.milestones')}</h2>
      <ul className="milestones">
        {milestones.map((m) => (
          <li key={m.id}>
            <span>
              <Content>{m.title}</Content> (
              {m.completedOn
                ? t('action.milestoneDone', { date: date(m.completedOn) })
                : t('action.milestoneDue', { date: date(m.dueDate) })}
              {m.overdue && `, ${t('action.overdue').toLowerCase()}`})
            </span>
            {mayEdit && (
              <button type="button" onClick={() => void toggle(m)}>
                {m.completedOn ? t('action.reopen') : t('action.complete')}
                <span className="visually-hidden">: {m.title}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {/* Focusable only from the script, so the result can take the focus from the button. */}
      <p role="status" ref={resultRef} tabIndex={-1} className={result?.refused ? 'status--error' : undefined}>
        {result?.text}
      </p>
    </section>
  );
}
