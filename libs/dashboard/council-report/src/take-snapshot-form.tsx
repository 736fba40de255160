import { useMutation } from '@apollo/client/react';
import { refusalOf, TakeCouncilSnapshotDocument } from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { osloDate } from '@tiltak/domain';
import { type FormEvent, useId, useRef, useState } from 'react';

/** The longest title a snapshot takes, as the API checks it. */
export const SNAPSHOT_TITLE_LENGTH = 200;

/**
 * The secretariat (or an admin) freezes the programme before a council meeting. The title starts
 * as the meeting of today, which is what it is taken for most of the time.
 */
export function TakeSnapshotForm() {
  const { t, locale } = useI18n();
  const id = useId();
  const [take, { loading }] = useMutation(TakeCouncilSnapshotDocument, { refetchQueries: ['CouncilSnapshots'] });
  const [title, setTitle] = useState(() =>
    t('councilReport.take.defaultTitle', { date: formatDate(locale, osloDate()) }),
  );
  const [invalid, setInvalid] = useState(false);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '' || trimmed.length > SNAPSHOT_TITLE_LENGTH) {
      setInvalid(true);
      field.current?.focus();
      return;
    }
    setInvalid(false);
    setSaid(null);
    try {
      const result = await take({ variables: { title: trimmed } });
      const snapshot = result.data?.takeCouncilSnapshot;
      if (snapshot) {
        setSaid({ text: t('councilReport.take.done', { title: snapshot.title }), refused: false });
      }
    } catch (problem) {
      const refusal = refusalOf(problem);
      if (refusal.field === 'title') setInvalid(true);
      setSaid({
        text:
          refusal.reason === 'other'
            ? t('councilReport.take.refused', { reason: refusal.detail })
            : t(`refusal.${refusal.reason}`, { reason: refusal.detail }),
        refused: true,
      });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('councilReport.take.title')}</h2>
      <form
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => void submit(event)}
        className="stacked-form"
        aria-busy={loading}
      >
        <label htmlFor={`${id}-field`}>{t('councilReport.take.label')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('councilReport.take.help')}
        </p>
        <input
          id={`${id}-field`}
          ref={field}
          required
          maxLength={SNAPSHOT_TITLE_LENGTH}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-hint ${id}-error` : `${id}-hint`}
        />
        {invalid && (
          <p id={`${id}-error`} className="status--error">
            {t('councilReport.take.titleRequired')}
          </p>
        )}
        <button type="submit" disabled={loading}>
          {loading ? t('councilReport.take.busy') : t('councilReport.take.submit')}
        </button>
      </form>
      <OutcomeMessage text={said?.text} refused={said?.refused} />
    </section>
  );
}
