import { Content, OutcomeMessage } from '@tiltak/dashboard-ui';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  ActionDocument,
  type ActionDetail,
  AddInvolvementDocument,
  type InvolvementLevel,
  type InvolvementRole,
  AssignmentChoicesDocument,
  type RefusalReason,
  RemoveInvolvementDocument,
  UpdateInvolvementDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useCallback, useId, useState } from 'react';
import { Link } from 'react-router';
import { ProjectLeadsSection } from './project-leads-section';
import { useChangeMessage } from './use-change-message';
import { INVOLVEMENT_LEVELS, INVOLVEMENT_ROLES } from '@tiltak/domain';

/**
 * Who does what on one action. Coordinators of the action's municipalities (and admins) assign the
 * lead and the partners here; the lead party's project leads are the people who may then update it.
 */
export function InvolvementsPanel({ action }: { action: ActionDetail }) {
  const mayAssign = action.viewerCan.manageInvolvements;
  const { t } = useI18n();
  const client = useApolloClient();
  // After a conflict, show what is saved now, so the next try starts from it.
  const refetchOnConflict = useCallback(
    async (reason: RefusalReason) => {
      if (reason === 'CONFLICT') await client.refetchQueries({ include: [ActionDocument] });
    },
    [client],
  );
  const { message, run } = useChangeMessage(refetchOnConflict);
  const [add, adding] = useMutation(AddInvolvementDocument);
  const [update, updating] = useMutation(UpdateInvolvementDocument);
  const [remove, removing] = useMutation(RemoveInvolvementDocument);
  const busy = adding.loading || updating.loading || removing.loading;

  return (
    <section aria-labelledby="parties-title" className="panel">
      <h2 id="parties-title">{t('action.parties')}</h2>
      {action.involvements.length === 0 && <p>{t('assign.none')}</p>}
      <ul className="involvements">
        {action.involvements.map((involvement) => (
          <li key={involvement.id}>
            <span>
              <Link to={`/parties/${involvement.party.id}`}>
                <Content>{involvement.party.name}</Content>
              </Link>
              : {t(`action.role.${involvement.role}`)}, {t(`action.level.${involvement.level}`)}
              {involvement.role === 'LEAD' && involvement.party.projectLeads && (
                <span className="involvements__leads">
                  {involvement.party.projectLeads.length > 0
                    ? t('assign.projectLeads', {
                        count: involvement.party.projectLeads.length,
                        names: involvement.party.projectLeads.map((p) => p.name).join(', '),
                      })
                    : t('assign.noProjectLeads')}
                </span>
              )}
            </span>
            {mayAssign && (
              <form
                className="involvements__edit"
                aria-label={t('assign.editFor', { party: involvement.party.name })}
                onSubmit={(event: FormEvent<HTMLFormElement>) => {
                  event.preventDefault();
                  const form = new FormData(event.currentTarget);
                  void run(
                    () =>
                      update({
                        variables: {
                          input: {
                            involvementId: involvement.id,
                            expectedVersion: involvement.version,
                            role: form.get('role') as InvolvementRole,
                            level: form.get('level') as InvolvementLevel,
                          },
                        },
                      }),
                    t('assign.saved', { party: involvement.party.name }),
                  );
                }}
              >
                <Choice
                  name="role"
                  label={t('assign.role')}
                  value={involvement.role}
                  options={INVOLVEMENT_ROLES}
                  describe={(role) => t(`action.role.${role}`)}
                />
                <Choice
                  name="level"
                  label={t('assign.level')}
                  value={involvement.level}
                  options={INVOLVEMENT_LEVELS}
                  describe={(level) => t(`action.level.${level}`)}
                />
                <button type="submit" disabled={busy}>
                  {t('assign.save')}
                  <span className="visually-hidden">: {involvement.party.name}</span>
                </button>
                <button
                  type="button"
                  className="button--destructive"
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () =>
                        remove({
                          variables: { input: { involvementId: involvement.id, expectedVersion: involvement.version } },
                        }),
                      t('assign.removed', { party: involvement.party.name }),
                    )
                  }
                >
                  {t('assign.remove')}
                  <span className="visually-hidden">: {involvement.party.name}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
      {mayAssign && (
        <AddParty
          action={action}
          busy={busy}
          onAdd={(input, party) => void run(() => add({ variables: { input } }), t('assign.added', { party }))}
        />
      )}
      <OutcomeMessage text={message?.text} refused={message?.refused} />
      <ProjectLeadsSection action={action} />
    </section>
  );
}

function AddParty({
  action,
  busy,
  onAdd,
}: {
  action: ActionDetail;
  busy: boolean;
  onAdd(
    input: { actionId: string; partyId: string; role: InvolvementRole; level: InvolvementLevel },
    partyName: string,
  ): void;
}) {
  const { t } = useI18n();
  const { data } = useQuery(AssignmentChoicesDocument);
  const involved = new Set(action.involvements.map((i) => i.party.id));
  const choices = (data?.parties ?? []).filter((party) => !involved.has(party.id));
  const hasLead = action.involvements.some((i) => i.role === 'LEAD');
  const titleId = useId();
  const [picked, setPicked] = useState('');
  // Once the party picked is on the action it leaves the menu, and the menu goes back to asking:
  // it never moves on to another real party by itself.
  const partyId = choices.some((choice) => choice.id === picked) ? picked : '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const partyId = String(form.get('party') ?? '');
    const party = choices.find((choice) => choice.id === partyId);
    if (!party) return;
    onAdd(
      {
        actionId: action.id,
        partyId,
        role: form.get('role') as InvolvementRole,
        level: form.get('level') as InvolvementLevel,
      },
      party.name,
    );
  };

  return (
    <form className="stacked-form" onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('assign.addTitle')}</h3>
      <label>
        {t('assign.party')}
        <select name="party" required value={partyId} onChange={(event) => setPicked(event.target.value)}>
          <option value="" disabled>
            {t('assign.chooseParty')}
          </option>
          {choices.map((party) => (
            <option key={party.id} value={party.id}>
              {party.name} ({t(`partyKind.${party.kind}`)})
            </option>
          ))}
        </select>
      </label>
      <Choice
        name="role"
        label={t('assign.role')}
        value={hasLead ? 'PARTNER' : 'LEAD'}
        options={INVOLVEMENT_ROLES}
        describe={(role) => t(`action.role.${role}`)}
      />
      <Choice
        name="level"
        label={t('assign.level')}
        value="OPERATIONAL"
        options={INVOLVEMENT_LEVELS}
        describe={(level) => t(`action.level.${level}`)}
      />
      <button type="submit" disabled={busy}>
        {t('assign.add')}
      </button>
    </form>
  );
}

function Choice<T extends string>({
  name,
  label,
  value,
  options,
  describe,
}: {
  name: string;
  label: string;
  value: T;
  options: readonly T[];
  describe(option: T): string;
}) {
  return (
    <label>
      {label}
      {/* Keyed on the saved value, so the choice follows what the server now holds. */}
      <select key={value} name={name} defaultValue={value}>
        {options.map((option) => (
          <option key={option} value={option}>
            {describe(option)}
          </option>
        ))}
      </select>
    </label>
  );
}
