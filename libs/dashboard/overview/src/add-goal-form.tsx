import { useMutation } from '@apollo/client/react';
import { CreateGoalDocument, GoalsPageDocument, refusalOf } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';

/** A new goal, or a sub-goal under one of the goals; for those who run the programme. */
export function AddGoalForm({ goals }: { goals: { id: string; code: string; name: string }[] }) {
  const { t } = useI18n();
  const id = useId();
  const [createGoal, { loading }] = useMutation(CreateGoalDocument, { refetchQueries: [GoalsPageDocument] });
  const [message, setMessage] = useState<{ text: string; refused: boolean } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const parentId = String(fields.get('parentId') ?? '');
    const input = {
      code: String(fields.get('code') ?? '').trim(),
      name: String(fields.get('name') ?? ''),
      description: String(fields.get('description') ?? ''),
      ...(parentId && { parentId }),
    };
    setMessage(null);
    try {
      await createGoal({ variables: { input } });
      form.reset();
      setMessage({ text: t('goals.added', { code: input.code }), refused: false });
    } catch (error) {
      const { reason, detail } = refusalOf(error);
      setMessage({ text: t(`refusal.${reason}`, { reason: detail }), refused: true });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('goals.addTitle')}</h2>
      <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
        <label htmlFor={`${id}-code`}>{t('goals.code')}</label>
        <input
          id={`${id}-code`}
          name="code"
          required
          maxLength={12}
          pattern="[A-Z][A-Z0-9.]{0,11}"
          aria-describedby={`${id}-code-hint`}
        />
        <p id={`${id}-code-hint`} className="hint">
          {t('goals.codeHint')}
        </p>
        <label htmlFor={`${id}-name`}>{t('goals.name')}</label>
        <input id={`${id}-name`} name="name" required maxLength={200} />
        <label htmlFor={`${id}-description`}>{t('goals.description')}</label>
        <textarea id={`${id}-description`} name="description" maxLength={10000} />
        <label htmlFor={`${id}-parent`}>{t('goals.parent')}</label>
        <select id={`${id}-parent`} name="parentId" defaultValue="">
          <option value="">{t('goals.noParent')}</option>
          {goals.map((goal) => (
            <option key={goal.id} value={goal.id}>
              {goal.code} {goal.name}
            </option>
          ))}
        </select>
        <button type="submit" disabled={loading}>
          {t('goals.add')}
        </button>
      </form>
      <OutcomeMessage text={message?.text} refused={message?.refused} />
    </section>
  );
}
