import { useMutation, useQuery } from '@apollo/client/react';
import {
  CreatePartyDocument,
  type PartyKind,
  type PartyPageQuery,
  PartyHomesDocument,
  type Refusal,
  refusalOf,
  UpdatePartyDocument,
  WhoDoesWhatDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';
import { PARTY_KINDS } from '@tiltak/domain';

type Party = NonNullable<PartyPageQuery['party']>;

/**
 * Adds a party (`party` absent) or changes one, for coordinators and admins: so a new local
 * business can be made lead or partner without waiting for anyone. Empty optional fields are cleared.
 */
export function PartyForm({ party, onDone }: { party?: Party; onDone(message: string, partyId: string): void }) {
  const { t } = useI18n();
  const id = useId();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Only the homes the API lets this viewer give a party: a coordinator's own municipality.
  const { data: homes } = useQuery(PartyHomesDocument);
  const [create, creating] = useMutation(CreatePartyDocument, { refetchQueries: [WhoDoesWhatDocument] });
  const [update, updating] = useMutation(UpdatePartyDocument);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || null;
    const fields = {
      name: text('name'),
      kind: text('kind') as PartyKind,
      homeMunicipalityId: optional('homeMunicipalityId'),
      website: optional('website'),
      contactName: optional('contactName'),
      contactEmail: optional('contactEmail'),
    };
    setRefusal(null);
    try {
      if (party) {
        await update({ variables: { input: { partyId: party.id, expectedVersion: party.version, ...fields } } });
        onDone(t('partyForm.saved', { name: fields.name }), party.id);
      } else {
        const { data } = await create({ variables: { input: fields } });
        element.reset();
        onDone(t('partyForm.created', { name: fields.name }), data?.createParty.id ?? '');
      }
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  const invalid = (field: string) =>
    refusal?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {};
  const field = (name: string, label: string, props: Record<string, unknown>) => (
    <>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} autoComplete="off" {...props} {...invalid(name)} />
    </>
  );

  // The home's choices come with the form: a select filled in later would lose the party's own home.
  if (!homes) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{party ? t('partyForm.editTitle', { name: party.name }) : t('partyForm.newTitle')}</h2>
      {refusal && (
        <p id={`${id}-error`} role="alert" className="status--error">
          {t(`refusal.${refusal.reason}`, { reason: refusal.detail })}
        </p>
      )}
      {field('name', t('partyForm.name'), { required: true, maxLength: 200, defaultValue: party?.name })}
      <label htmlFor={`${id}-kind`}>{t('partyForm.kind')}</label>
      <select id={`${id}-kind`} name="kind" defaultValue={party?.kind ?? 'BUSINESS'}>
        {PARTY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`partyKind.${kind}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-home`}>{t('party.home')}</label>
      <select
        id={`${id}-home`}
        name="homeMunicipalityId"
        defaultValue={party?.homeMunicipality?.id ?? ''}
        {...invalid('homeMunicipalityId')}
      >
        {homes.viewerCan.manageRegionalParties && <option value="">{t('partyForm.noHome')}</option>}
        {homes.municipalities
          .filter((municipality) => municipality.viewerCan.manageParties)
          .map((municipality) => (
            <option key={municipality.id} value={municipality.id}>
              {municipality.name}
            </option>
          ))}
      </select>
      {field('website', t('party.website'), {
        type: 'url',
        placeholder: 'https://',
        defaultValue: party?.website ?? '',
      })}
      {field('contactName', t('partyForm.contactName'), { maxLength: 200, defaultValue: party?.contact?.name ?? '' })}
      {field('contactEmail', t('partyForm.contactEmail'), {
        type: 'email',
        defaultValue: party?.contact?.email ?? '',
      })}
      <button type="submit" disabled={creating.loading || updating.loading}>
        {party ? t('partyForm.save') : t('partyForm.create')}
      </button>
    </form>
  );
}
