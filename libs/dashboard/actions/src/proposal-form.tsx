import { useMutation } from '@apollo/client/react';
import {
  type ActionDetailFragment,
  ActionGovernanceDocument,
  ActionProposalsDocument,
  ProposeActionChangeDocument,
  type Refusal,
  refusalOf,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useId, useState } from 'react';

/**
 * For a coordinator of an action of every municipality: the action's frame is the secretariat's to
 * change, so they propose a change here, with a reason, instead of editing it.
 */
export function ProposalForm({ action }: { action: ActionDetailFragment }) {
  const { t } = useI18n();
  const id = useId();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState(false);
  const [propose, { loading }] = useMutation(ProposeActionChangeDocument, {
    refetchQueries: [ActionGovernanceDocument, ActionProposalsDocument],
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    // Only what differs from the action as it is: the rest stays as the secretariat has it.
    const changes = {
      ...(text('title') !== action.title && { title: text('title') }),
      ...(text('description') !== action.description.trim() && { description: text('description') }),
      ...(text('dueDate') !== action.dueDate && { dueDate: text('dueDate') }),
    };
    setRefusal(null);
    setDone(false);
    try {
      await propose({
        variables: {
          input: { actionId: action.id, expectedVersion: action.version, changes, comment: text('comment') },
        },
      });
      element.reset();
      setDone(true);
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('proposals.formTitle')}</h2>
      <p>{t('proposals.formIntro')}</p>
      <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
        {refusal && (
          <p role="alert" className="status--error">
            {t(`refusal.${refusal.reason}`, { reason: refusal.detail })}
          </p>
        )}
        {done && <p role="status">{t('proposals.sent')}</p>}
        <label htmlFor={`${id}-title-field`}>{t('proposals.fieldTitle')}</label>
        <input id={`${id}-title-field`} name="title" required maxLength={200} defaultValue={action.title} />
        <label htmlFor={`${id}-description`}>{t('proposals.fieldDescription')}</label>
        <textarea id={`${id}-description`} name="description" maxLength={10000} defaultValue={action.description} />
        <label htmlFor={`${id}-due`}>{t('proposals.fieldDue')}</label>
        <input id={`${id}-due`} name="dueDate" type="date" required defaultValue={action.dueDate} />
        <label htmlFor={`${id}-comment`}>{t('proposals.fieldComment')}</label>
        <textarea id={`${id}-comment`} name="comment" required maxLength={2000} />
        <div className="button-row">
          <button type="submit" disabled={loading}>
            {t('proposals.send')}
          </button>
        </div>
      </form>
    </section>
  );
}
