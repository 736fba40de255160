import { useQuery } from '@apollo/client/react';
import { NetworkPageDocument } from '@tiltak/dashboard-data-access';
import { formatDate, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { MembershipForm } from './membership-form';
import { NetworkForm } from './network-form';

/** `/networks/:id`: one network or cluster, its member businesses per municipality, and what counts it. */
export function NetworkPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error } = useQuery(NetworkPageDocument, { variables: { id } });
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState('');
  const network = data?.network;

  useDocumentTitle(network?.name ?? t('networks.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!network) return <h1>{t('place.notFound')}</h1>;

  const recordable = data.municipalities.filter((m) => network.viewerCan.recordMembersIn.includes(m.id));
  return (
    <article>
      <p>
        <Link to="/networks">{t('networks.title')}</Link>
      </p>
      <h1>
        <Content>{network.name}</Content>
      </h1>
      <dl className="facts">
        <dt>{t('networks.kind')}</dt>
        <dd>{t(`networkKind.${network.kind}`)}</dd>
        <dt>{t('networks.foundedOn')}</dt>
        <dd>{formatDate(locale, network.foundedOn)}</dd>
        <dt>{t('networks.endedOn')}</dt>
        <dd>{network.endedOn ? formatDate(locale, network.endedOn) : t('networks.active')}</dd>
        <dt>{t('networks.foundingAction')}</dt>
        <dd>
          {network.foundingAction ? (
            <Link to={`/actions/${network.foundingAction.id}`}>
              {network.foundingAction.code} <Content>{network.foundingAction.title}</Content>
            </Link>
          ) : (
            '–'
          )}
        </dd>
        <dt>{t('networks.party')}</dt>
        <dd>
          {network.party ? (
            <Link to={`/parties/${network.party.id}`}>
              <Content>{network.party.name}</Content>
            </Link>
          ) : (
            '–'
          )}
        </dd>
      </dl>
      <p>{t('network.countsAsNew', { year: network.foundedOn.slice(0, 4) })}</p>
      {network.memberships.length === 0 ? (
        <p>{t('network.noMembers')}</p>
      ) : (
        <table>
          <caption>{t('network.membershipsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.municipality')}</th>
              <th scope="col">{t('networks.members')}</th>
            </tr>
          </thead>
          <tbody>
            {network.memberships.map((membership) => (
              <tr key={membership.municipality.id}>
                <th scope="row">{membership.municipality.name}</th>
                <td>{membership.members}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('network.total')}</th>
              <td>{network.totalMembers}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <OutcomeMessage text={message} />
      {recordable.length > 0 && <MembershipForm network={network} municipalities={recordable} onDone={setMessage} />}
      {network.viewerCan.edit && (
        <p>
          <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? t('networkForm.cancel') : t('networkForm.edit')}
          </button>
        </p>
      )}
      {editing && (
        <NetworkForm
          network={network}
          onDone={(text) => {
            setEditing(false);
            setMessage(text);
          }}
        />
      )}
    </article>
  );
}
