import { useQuery } from '@apollo/client/react';
import {
  type InvolvementCountsFragment as InvolvementCounts,
  type PartyKind,
  useViewerCan,
  WhoDoesWhatDocument,
} from '@tiltak/dashboard-data-access';
import { PARTY_KINDS } from '@tiltak/domain';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, OutcomeMessage, ProgressMatrix, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { PartyForm } from './party-form';
import { Link, useSearchParams } from 'react-router';

/** `/parties`: who does what, party by focus area, with lead and partner, strategic and operational parts. */
export function PartiesPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') as PartyKind | null;
  const { data, error } = useQuery(WhoDoesWhatDocument, { variables: { kinds: kind ? [kind] : null } });
  const mayManage = useViewerCan()?.manageParties ?? false;
  const [created, setCreated] = useState<{ message: string; partyId: string } | null>(null);

  useDocumentTitle(t('parties.title'));

  const describe = (counts: InvolvementCounts | undefined) => {
    if (!counts) return <span className="matrix__empty">–</span>;
    return (
      <span>
        {[
          counts.lead > 0 && t('parties.lead', { count: counts.lead }),
          counts.partner > 0 && t('parties.partner', { count: counts.partner }),
        ]
          .filter(Boolean)
          .join(', ')}
        <span className="matrix__counts">
          {' '}
          ({t('parties.levels', { strategic: counts.strategic, operational: counts.operational })})
        </span>
      </span>
    );
  };

  return (
    <>
      <h1>{t('parties.title')}</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('parties.kind')}
          <select
            value={kind ?? ''}
            onChange={(event) => setParams(event.target.value ? { kind: event.target.value } : {})}
          >
            <option value="">{t('parties.allKinds')}</option>
            {PARTY_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`partyKind.${value}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
      {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
      {data && (
        <ProgressMatrix
          caption={t('parties.caption')}
          skipLabel={t('matrix.skip')}
          cornerLabel={t('parties.party')}
          rows={data.whoDoesWhat.map((row) => ({
            id: row.party.id,
            label: (
              <>
                <Link to={`/parties/${row.party.id}`}>
                  <Content>{row.party.name}</Content>
                </Link>
                <span className="matrix__total">{t(`partyKind.${row.party.kind}`)}</span>
              </>
            ),
          }))}
          columns={data.focusAreas.map((area) => ({ id: area.id, label: <Content>{area.name}</Content> }))}
          cell={(partyId, focusAreaId) =>
            describe(
              data.whoDoesWhat
                .find((row) => row.party.id === partyId)
                ?.cells.find((cell) => cell.focusAreaId === focusAreaId)?.counts,
            )
          }
        />
      )}
      {mayManage && (
        <>
          <OutcomeMessage text={created?.message}>
            {' '}
            {created && <Link to={`/parties/${created.partyId}`}>{t('partyForm.open')}</Link>}
          </OutcomeMessage>
          <PartyForm onDone={(message, partyId) => setCreated({ message, partyId })} />
        </>
      )}
    </>
  );
}
