import { useSession } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';
import { exchangeLanguageOf, type ImportPlan, mayApply, planTotals, sendImport } from './exchange-api';
import { PlanView } from './plan-view';
import { useRefusalText } from './refusal-text';

/** Spreadsheet types the file picker offers; the API recognises the file by its content, not its name. */
const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * Reading a spreadsheet in, in two steps. "Kontroller fila" sends it for a dry run, which writes
 * nothing and answers with every change and every problem; the result is announced. "Ta i bruk
 * endringene" sends the same file again with the dry run's fingerprint, so the API refuses if the
 * programme changed in between; it is offered only when there are changes and no problems.
 */
export function ImportPanel() {
  const { t, locale } = useI18n();
  const { store } = useSession();
  const refusalText = useRefusalText();
  const id = useId();
  const lang = exchangeLanguageOf(locale);
  const [file, setFile] = useState<File | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [busy, setBusy] = useState<'checking' | 'applying' | null>(null);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);

  const run = async (mode: 'dry-run' | 'apply') => {
    if (!file || busy) return;
    setBusy(mode === 'apply' ? 'applying' : 'checking');
    setSaid(null);
    try {
      const answer = await sendImport(
        file,
        mode,
        lang,
        store.accessToken,
        mode === 'apply' ? plan?.fingerprint : undefined,
      );
      if (!answer.ok) {
        setSaid({ text: refusalText(answer.status), refused: true });
        return;
      }
      setPlan(answer.plan);
      setSaid(outcomeOf(answer.plan));
    } finally {
      setBusy(null);
    }
  };

  const outcomeOf = (answer: ImportPlan): { text: string; refused: boolean } => {
    const totals = planTotals(answer);
    if (answer.mode === 'APPLY') {
      return answer.applied
        ? { text: t('exchange.import.applied', { count: answer.changes.length }), refused: false }
        : { text: t('exchange.import.notApplied', { count: totals.problems }), refused: true };
    }
    return { text: t('exchange.import.checked', totals), refused: totals.problems > 0 };
  };

  const onCheck = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setSaid({ text: t('exchange.import.noFile'), refused: true });
      return;
    }
    void run('dry-run');
  };

  const applicable = mayApply(plan);
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('exchange.import.title')}</h2>
      <form onSubmit={onCheck} aria-busy={busy !== null} className="stacked-form">
        <label htmlFor={`${id}-file`}>{t('exchange.import.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          aria-describedby={`${id}-file-hint`}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setPlan(null);
            setSaid(null);
          }}
        />
        <p id={`${id}-file-hint`} className="hint">
          {t('exchange.import.fileHint')}
        </p>
        <button type="submit" disabled={busy !== null}>
          {busy === 'checking' ? t('exchange.import.checking') : t('exchange.import.check')}
        </button>
      </form>
      <OutcomeMessage text={said?.text} refused={said?.refused} />
      {plan && <PlanView plan={plan} />}
      {plan?.mode === 'DRY_RUN' && (
        <div className="stacked-form">
          <button
            type="button"
            disabled={!applicable || busy !== null}
            aria-describedby={`${id}-apply-hint`}
            onClick={() => void run('apply')}
          >
            {busy === 'applying' ? t('exchange.import.applying') : t('exchange.import.apply')}
          </button>
          <p id={`${id}-apply-hint`} className="hint">
            {t('exchange.import.applyHint')}
          </p>
        </div>
      )}
    </section>
  );
}
