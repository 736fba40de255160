import { useQuery } from '@apollo/client/react';
import { type ActionDetailFragment, ActionGovernanceDocument } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { Link } from 'react-router';
import { ProposalChanges } from './proposal-changes';
import { ProposalForm } from './proposal-form';
import { WarningsList } from './warnings-list';

/**
 * The action's place in the council's governance: where it contradicts a municipality's decision,
 * the changes proposed to it, and, for a coordinator of an action of every municipality, the form
 * to propose one.
 */
export function GovernanceSection({ action }: { action: ActionDetailFragment }) {
  const { t } = useI18n();
  const { data } = useQuery(ActionGovernanceDocument, { variables: { id: action.id } });
  const governance = data?.action;
  const pending = governance?.proposals.filter((p) => p.state === 'PENDING') ?? [];
  return (
    <>
      {governance && governance.warnings.length > 0 && (
        <section aria-labelledby="warnings-title" className="panel">
          <h2 id="warnings-title">{t('warnings.actionTitle')}</h2>
          <WarningsList warnings={governance.warnings} showAction={false} />
        </section>
      )}
      {pending.length > 0 && (
        <section aria-labelledby="action-proposals-title" className="panel">
          <h2 id="action-proposals-title">{t('proposals.pendingOnAction')}</h2>
          <ul>
            {pending.map((proposal) => (
              <li key={proposal.id}>
                <ProposalChanges changes={proposal.changes} />
                <p>{proposal.comment}</p>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/proposals">{t('proposals.toPage')}</Link>
          </p>
        </section>
      )}
      {action.viewerCan.proposeChanges && !action.viewerCan.edit && <ProposalForm action={action} />}
    </>
  );
}
