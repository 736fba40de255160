import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ActionDetail,
  AssignmentChoicesDocument,
  NameProjectLeadDocument,
  UnnameProjectLeadDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useId } from 'react';
import { useChangeMessage } from './use-change-message';

/**
 * The project leads named on the action. The lead party's own project leads may always update it;
 * a coordinator can also name a project lead from any party here, and take them off again.
 */
export function ProjectLeadsSection({ action }: { action: ActionDetail }) {
  const mayAssign = action.viewerCan.nameProjectLeads;
  const { t } = useI18n();
  const titleId = useId();
  const formId = useId();
  const { message, run } = useChangeMessage();
  const { data } = useQuery(AssignmentChoicesDocument, { skip: !mayAssign });
  const [nameLead, naming] = useMutation(NameProjectLeadDocument);
  const [unnameLead, unnaming] = useMutation(UnnameProjectLeadDocument);
  const named = action.projectLeads ?? [];
  const partyName = new Map(data?.parties.map((party) => [party.id, party.name]));
  const candidates = (data?.projectLeadCandidates ?? []).filter((c) => !named.some((n) => n.userId === c.userId));
  const busy = naming.loading || unnaming.loading;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const userId = String(new FormData(event.currentTarget).get('userId') ?? '');
    const candidate = candidates.find((c) => c.userId === userId);
    if (!candidate) return;
    void run(
      () => nameLead({ variables: { input: { actionId: action.id, userId } } }),
      t('projectLeads.named', { name: candidate.name }),
    );
  };

  if (!mayAssign && named.length === 0) return null;
  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{t('projectLeads.title')}</h3>
      <p className="hint">{t('projectLeads.hint')}</p>
      {named.length === 0 ? (
        <p>{t('projectLeads.none')}</p>
      ) : (
        <ul className="involvements">
          {named.map((lead) => (
            <li key={lead.userId}>
              <span>
                {lead.name} (<a href={`mailto:${lead.email}`}>{lead.email}</a>)
              </span>{' '}
              {mayAssign && (
                <button
                  type="button"
                  className="button--destructive"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => unnameLead({ variables: { input: { actionId: action.id, userId: lead.userId } } }),
                      t('projectLeads.unnamed', { name: lead.name }),
                    )
                  }
                >
                  {t('assign.remove')}
                  <span className="visually-hidden">: {lead.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayAssign && (
        <form className="stacked-form" onSubmit={submit} aria-label={t('projectLeads.nameTitle')}>
          <label htmlFor={formId}>{t('projectLeads.choose')}</label>
          <select id={formId} name="userId" required defaultValue="">
            <option value="" disabled>
              {t('projectLeads.chooseOne')}
            </option>
            {candidates.map((candidate) => (
              <option key={candidate.userId} value={candidate.userId}>
                {candidate.name} ({partyName.get(candidate.partyId) ?? '–'})
              </option>
            ))}
          </select>
          <button type="submit" disabled={busy}>
            {t('projectLeads.name')}
          </button>
        </form>
      )}
      <OutcomeMessage text={message?.text} refused={message?.refused} />
    </section>
  );
}
