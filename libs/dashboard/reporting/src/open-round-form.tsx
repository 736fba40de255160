import { useMutation } from '@apollo/client/react';
import { OpenReportingRoundDocument, refusalOf, type Refusal } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ROUND_LIMITS } from '@tiltak/domain';

/** Whole days written "7, 1"; null when anything else is there. An empty field is no reminder. */
export function parseDays(text: string): number[] | null {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (!parts.every((part) => /^\d{1,2}$/.test(part))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

/**
 * An admin opens a reporting round: its name, deadline, the extended deadline in days, and when
 * reminders go. Which actions report is the API's default: every action under way.
 */
export function OpenRoundForm() {
  const { t } = useI18n();
  const [open, { loading }] = useMutation(OpenReportingRoundDocument, { refetchQueries: ['ReportingRounds'] });
  const [name, setName] = useState('');
  const [deadline, setDeadline] = useState('');
  const [graceDays, setGraceDays] = useState('7');
  const [before, setBefore] = useState('7, 1');
  const [after, setAfter] = useState('1');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [invalid, setInvalid] = useState<'before' | 'after' | null>(null);
  const [opened, setOpened] = useState<{ id: string; name: string } | null>(null);
  const id = useId();
  const beforeField = useRef<HTMLInputElement>(null);
  const afterField = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefusal(null);
    setOpened(null);
    const reminderDaysBefore = parseDays(before);
    const reminderDaysAfter = parseDays(after);
    if (!reminderDaysBefore) {
      setInvalid('before');
      beforeField.current?.focus();
      return;
    }
    if (!reminderDaysAfter) {
      setInvalid('after');
      afterField.current?.focus();
      return;
    }
    setInvalid(null);
    try {
      const result = await open({
        variables: {
          input: { name: name.trim(), deadline, graceDays: Number(graceDays), reminderDaysBefore, reminderDaysAfter },
        },
      });
      const round = result.data?.openReportingRound;
      if (round) {
        setOpened({ id: round.id, name: round.name });
        setName('');
        setDeadline('');
      }
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  const refusalText =
    refusal &&
    (refusal.reason === 'other'
      ? t('reporting.refused', { reason: refusal.detail })
      : t(`refusal.${refusal.reason}`, { reason: refusal.detail }));
  const fieldError = (field: string) =>
    refusal?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-refusal` } : {};
  const daysProps = (which: 'before' | 'after') => ({
    'aria-describedby': invalid === which ? `${id}-days-hint ${id}-days-error` : `${id}-days-hint`,
    'aria-invalid': invalid === which ? (true as const) : undefined,
  });

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('reporting.openTitle')}</h2>
      <p>{t('reporting.openIntro')}</p>
      <form onSubmit={(event) => void submit(event)} className="stacked-form">
        <label htmlFor={`${id}-name`}>{t('reporting.roundName')}</label>
        <p id={`${id}-name-hint`} className="hint">
          {t('reporting.roundNameHint')}
        </p>
        <input
          id={`${id}-name`}
          required
          maxLength={ROUND_LIMITS.nameLength}
          value={name}
          onChange={(event) => setName(event.target.value)}
          aria-describedby={`${id}-name-hint`}
          {...fieldError('name')}
        />
        <label htmlFor={`${id}-deadline`}>{t('reporting.roundDeadline')}</label>
        <input
          id={`${id}-deadline`}
          type="date"
          required
          value={deadline}
          onChange={(event) => setDeadline(event.target.value)}
          {...fieldError('deadline')}
        />
        <label htmlFor={`${id}-grace`}>{t('reporting.graceDays')}</label>
        <p id={`${id}-grace-hint`} className="hint">
          {t('reporting.graceHint')}
        </p>
        <input
          id={`${id}-grace`}
          type="number"
          inputMode="numeric"
          min={0}
          max={ROUND_LIMITS.maxGraceDays}
          required
          value={graceDays}
          onChange={(event) => setGraceDays(event.target.value)}
          aria-describedby={`${id}-grace-hint`}
        />
        <p id={`${id}-days-hint`} className="hint">
          {t('reporting.reminderHint')}
        </p>
        <label htmlFor={`${id}-before`}>{t('reporting.reminderBefore')}</label>
        <input
          id={`${id}-before`}
          ref={beforeField}
          value={before}
          inputMode="numeric"
          onChange={(event) => setBefore(event.target.value)}
          {...daysProps('before')}
        />
        <label htmlFor={`${id}-after`}>{t('reporting.reminderAfter')}</label>
        <input
          id={`${id}-after`}
          ref={afterField}
          value={after}
          inputMode="numeric"
          onChange={(event) => setAfter(event.target.value)}
          {...daysProps('after')}
        />
        {invalid && (
          <p id={`${id}-days-error`} className="status--error">
            {t('reporting.reminderInvalid')}
          </p>
        )}
        {refusalText && (
          <p id={`${id}-refusal`} role="alert" className="status--error">
            {refusalText}
          </p>
        )}
        <button type="submit" disabled={loading}>
          {t('reporting.open')}
        </button>
      </form>
      <OutcomeMessage text={opened && t('reporting.opened', { name: opened.name })}>
        {opened && (
          <>
            {' '}
            <Link to={`/reporting/${opened.id}`}>{t('reporting.openedLink')}</Link>
          </>
        )}
      </OutcomeMessage>
    </section>
  );
}
