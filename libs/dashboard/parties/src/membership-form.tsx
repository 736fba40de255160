import { useMutation } from '@apollo/client/react';
import {
  type NetworkFactsFragment,
  NetworkPageDocument,
  NetworksDocument,
  type Refusal,
  refusalOf,
  SetNetworkMembershipDocument,
} from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useId, useState } from 'react';

/**
 * How many businesses of a municipality are members: a coordinator for their own municipality,
 * the secretariat for any. Only the municipalities the API says the viewer may record are offered.
 */
export function MembershipForm({
  network,
  municipalities,
  onDone,
}: {
  network: NetworkFactsFragment;
  municipalities: { id: string; name: string }[];
  onDone(message: string): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [municipalityId, setMunicipalityId] = useState(municipalities[0]?.id ?? '');
  // The network's total and its row of members come from the server again.
  const [save, saving] = useMutation(SetNetworkMembershipDocument, {
    refetchQueries: [NetworkPageDocument, NetworksDocument],
    awaitRefetchQueries: true,
  });
  const current = network.memberships.find((m) => m.municipality.id === municipalityId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const members = Number(new FormData(event.currentTarget).get('members'));
    setRefusal(null);
    try {
      const { data } = await save({
        variables: { input: { networkId: network.id, municipalityId, members, expectedVersion: current?.version } },
      });
      if (data) {
        const saved = data.setNetworkMembership;
        onDone(t('membershipForm.saved', { municipality: saved.municipality.name, count: saved.members }));
      }
    } catch (error) {
      setRefusal(refusalOf(error));
    }
  };

  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('membershipForm.title')}</h2>
      {refusal && (
        <p id={`${id}-error`} role="alert" className="status--error">
          {t(`refusal.${refusal.reason}`, { reason: refusal.detail })}
        </p>
      )}
      <label htmlFor={`${id}-municipality`}>{t('membershipForm.municipality')}</label>
      <select
        id={`${id}-municipality`}
        value={municipalityId}
        onChange={(event) => setMunicipalityId(event.target.value)}
      >
        {municipalities.map((municipality) => (
          <option key={municipality.id} value={municipality.id}>
            {municipality.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-members`}>{t('membershipForm.members')}</label>
      <input
        // A new municipality starts from what is recorded for it.
        key={municipalityId}
        id={`${id}-members`}
        name="members"
        type="number"
        inputMode="numeric"
        min={0}
        max={100000}
        step={1}
        required
        defaultValue={current?.members ?? ''}
        {...(refusal?.field === 'members' && { 'aria-invalid': true, 'aria-describedby': `${id}-error` })}
      />
      <button type="submit" disabled={saving.loading}>
        {t('membershipForm.save')}
      </button>
    </form>
  );
}
