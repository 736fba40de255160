import { useI18n } from '@tiltak/dashboard-i18n';
import { archiveReferenceIssues, type ArchiveReferenceIssue } from '@tiltak/domain';
import { type FormEvent, useId, useState } from 'react';
import { OutcomeMessage } from './outcome-message';

export interface ArchiveReferenceValues {
  caseReference: string;
  recordUrl: string;
}

/**
 * The case number and public-record link of one thing, checked by the same rules as the API before
 * it is sent. `save` answers null when saved, or the words to show when the server refused.
 */
export function ArchiveReferenceForm({
  initial,
  save,
  label,
}: {
  initial: ArchiveReferenceValues;
  save: (values: ArchiveReferenceValues) => Promise<string | null>;
  /** The form's accessible name: which thing's reference it is. */
  label: string;
}) {
  const { t } = useI18n();
  const ids = { caseReference: useId(), recordUrl: useId() };
  const [values, setValues] = useState(initial);
  const [issues, setIssues] = useState<ArchiveReferenceIssue[]>([]);
  const [outcome, setOutcome] = useState<{ text: string; refused: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const problemOf = (field: ArchiveReferenceIssue['field']) => issues.find((issue) => issue.field === field);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = archiveReferenceIssues(values);
    setIssues(found);
    if (found.length > 0) {
      document.getElementById(ids[found[0].field])?.focus();
      return;
    }
    setSaving(true);
    const refused = await save(values).finally(() => setSaving(false));
    setOutcome(refused ? { text: refused, refused: true } : { text: t('archive.saved'), refused: false });
  };

  const field = (name: 'caseReference' | 'recordUrl', type: 'text' | 'url', maxLength: number) => {
    const problem = problemOf(name);
    const hint = `${ids[name]}-hint`;
    const error = `${ids[name]}-error`;
    return (
      <>
        <label htmlFor={ids[name]}>{t(`archive.${name}`)}</label>
        <input
          id={ids[name]}
          type={type}
          maxLength={maxLength}
          value={values[name]}
          onChange={(event) => setValues({ ...values, [name]: event.target.value })}
          aria-describedby={problem ? `${hint} ${error}` : hint}
          aria-invalid={problem ? true : undefined}
        />
        <p id={hint}>{t(`archive.${name}Hint`)}</p>
        {problem && (
          <p id={error} className="status--error">
            {t(`archive.problem.${problem.problem}`)}
          </p>
        )}
      </>
    );
  };

  return (
    <>
      <form onSubmit={(event) => void submit(event)} className="stacked-form" aria-label={label} noValidate>
        {field('caseReference', 'text', 50)}
        {field('recordUrl', 'url', 500)}
        <button type="submit" disabled={saving}>
          {t('archive.save')}
        </button>
      </form>
      <OutcomeMessage text={outcome?.text} refused={outcome?.refused} />
    </>
  );
}
