import type { ProposalFieldsFragment } from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';

/** What a proposal would change, field by field, in words. */
export function ProposalChanges({ changes }: { changes: ProposalFieldsFragment['changes'] }) {
  const { t, locale } = useI18n();
  const lines = [
    changes.title != null && t('proposals.changeTitle', { value: changes.title }),
    changes.description != null && t('proposals.changeDescription', { value: changes.description }),
    changes.startDate != null && t('proposals.changeStart', { value: formatDate(locale, changes.startDate) }),
    changes.dueDate != null && t('proposals.changeDue', { value: formatDate(locale, changes.dueDate) }),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <ul className="proposal-changes">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
