import { useQuery } from '@apollo/client/react';
import { PartyPageDocument } from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ActionTable, Content, OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { PartyForm } from './party-form';
import { Link, useParams } from 'react-router';

/** `/parties/:id`: one party, who to contact, and the actions it leads or takes part in, with its role in each. */
export function PartyPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data, error } = useQuery(PartyPageDocument, { variables: { id } });
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const party = data?.party;

  useDocumentTitle(party?.name ?? t('parties.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!party) return <h1>{t('place.notFound')}</h1>;

  return (
    <article>
      <p>
        <Link to="/parties">{t('parties.title')}</Link>
      </p>
      <h1>
        <Content>{party.name}</Content>
      </h1>
      <dl className="facts">
        <dt>{t('parties.kind')}</dt>
        <dd>{t(`partyKind.${party.kind}`)}</dd>
        {party.homeMunicipality && (
          <>
            <dt>{t('party.home')}</dt>
            <dd>
              <Link to={`/municipalities/${party.homeMunicipality.slug}`}>{party.homeMunicipality.name}</Link>
            </dd>
          </>
        )}
        {party.website && (
          <>
            <dt>{t('party.website')}</dt>
            <dd>
              <a href={party.website}>{party.website}</a>
            </dd>
          </>
        )}
        {party.contact && (
          <>
            <dt>{t('party.contact')}</dt>
            <dd>{person(party.contact)}</dd>
          </>
        )}
        {party.projectLeads && (
          <>
            <dt>{t('party.projectLeads')}</dt>
            <dd>
              {party.projectLeads.length === 0
                ? t('party.noProjectLeads')
                : party.projectLeads.map((lead, index) => (
                    <span key={lead.email ?? lead.name}>
                      {index > 0 && ', '}
                      {person(lead)}
                    </span>
                  ))}
            </dd>
          </>
        )}
      </dl>
      <p>
        <Link to={`/actions?party=${party.id}`}>{t('place.actions', { name: party.name })}</Link>
      </p>
      {party.viewerCan.edit && (
        <p>
          <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? t('partyForm.cancel') : t('partyForm.edit')}
          </button>
        </p>
      )}
      <OutcomeMessage text={message} />
      {editing && (
        <PartyForm
          key={party.version}
          party={party}
          onDone={(text) => {
            setEditing(false);
            setMessage(text);
          }}
        />
      )}

      <h2>{t('party.actions', { count: party.actions.length })}</h2>
      {party.actions.length === 0 ? (
        <p>{t('party.noActions')}</p>
      ) : (
        <ActionTable
          caption={t('party.actions', { count: party.actions.length })}
          rows={party.actions.map((action) => ({ ...action, context: action.focusArea.name }))}
          extra={{
            header: t('party.role'),
            cell: (row) =>
              row.involvements
                .filter((involvement) => involvement.party.id === party.id)
                .map((i) => `${t(`action.role.${i.role}`)}, ${t(`action.level.${i.level}`)}`)
                .join('; '),
          }}
        />
      )}
    </article>
  );
}

function person({ name, email }: { name: string; email: string | null }) {
  return email ? (
    <>
      {name} (<a href={`mailto:${email}`}>{email}</a>)
    </>
  ) : (
    name
  );
}
