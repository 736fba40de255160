import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreateNetworkDocument,
  type NetworkFactsFragment,
  NetworkChoicesDocument,
  type NetworkKind,
  NetworksDocument,
  type Refusal,
  refusalOf,
  UpdateNetworkDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { NETWORK_KINDS } from '@tiltak/domain';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';

/**
 * Records a network or cluster in the register (`network` absent), or changes one: for those who
 * keep the programme. An empty end date, party or founding action is none.
 */
export function NetworkForm({
  network,
  onDone,
}: {
  network?: NetworkFactsFragment;
  onDone(message: string, network: { id: string; name: string }): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const { data: choices } = useQuery(NetworkChoicesDocument);
  const [create, creating] = useMutation(CreateNetworkDocument, { refetchQueries: [NetworksDocument] });
  const [update, updating] = useMutation(UpdateNetworkDocument);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const fields = {
      name: text('name'),
      kind: text('kind') as NetworkKind,
      foundedOn: text('foundedOn'),
      endedOn: text('endedOn') || null,
      partyId: text('partyId') || null,
      foundingActionId: text('foundingActionId') || null,
    };
    setRefusal(null);
    try {
      if (network) {
        await update({ variables: { input: { networkId: network.id, expectedVersion: network.version, ...fields } } });
        onDone(t('networkForm.saved', { name: fields.name }), network);
      } else {
        const { data } = await create({ variables: { input: fields } });
        element.reset();
        if (data) onDone(t('networkForm.created', { name: fields.name }), data.createNetwork);
      }
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  const invalid = (field: string) =>
    refusal?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};

  // The choices come with the form: a select filled in later would lose the network's own party and action.
  if (!choices) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {network ? t('networkForm.editTitle', { name: network.name }) : t('networkForm.newTitle')}
      </h2>
      {refusal && (
        <p id={`${id}-error`} role="alert" className="status--error">
          {t(`refusal.${refusal.reason}`, { reason: refusal.detail })}
        </p>
      )}
      <label htmlFor={`${id}-name`}>{t('networks.name')}</label>
      <input
        id={`${id}-name`}
        name="name"
        required
        maxLength={200}
        autoComplete="off"
        defaultValue={network?.name}
        {...invalid('name')}
      />
      <label htmlFor={`${id}-kind`}>{t('networks.kind')}</label>
      <select id={`${id}-kind`} name="kind" defaultValue={network?.kind ?? 'NETWORK'}>
        {NETWORK_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`networkKind.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-founded`}>{t('networks.foundedOn')}</label>
      <input
        id={`${id}-founded`}
        name="foundedOn"
        type="date"
        required
        defaultValue={network?.foundedOn}
        {...invalid('foundedOn')}
      />
      <label htmlFor={`${id}-ended`}>{t('networks.endedOn')}</label>
      <input
        id={`${id}-ended`}
        name="endedOn"
        type="date"
        aria-describedby={`${id}-ended-hint`}
        defaultValue={network?.endedOn ?? ''}
        {...invalid('endedOn')}
      />
      <p id={`${id}-ended-hint`} className="hint">
        {t('networkForm.endedHint')}
      </p>
      <label htmlFor={`${id}-party`}>{t('networkForm.party')}</label>
      <select id={`${id}-party`} name="partyId" defaultValue={network?.party?.id ?? ''} {...invalid('partyId')}>
        <option value="">{t('networkForm.noParty')}</option>
        {choices.parties.map((party) => (
          <option key={party.id} value={party.id}>
            {party.name} ({t(`partyKind.${party.kind}`)})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-action`}>{t('networkForm.foundingAction')}</label>
      <select
        id={`${id}-action`}
        name="foundingActionId"
        defaultValue={network?.foundingAction?.id ?? ''}
        {...invalid('foundingActionId')}
      >
        <option value="">{t('networkForm.noAction')}</option>
        {choices.actions.edges.map(({ node }) => (
          <option key={node.id} value={node.id}>
            {node.code} {node.title}
          </option>
        ))}
      </select>
      <button type="submit" disabled={creating.loading || updating.loading}>
        {network ? t('networkForm.save') : t('networkForm.create')}
      </button>
    </form>
  );
}
