import { useQuery } from '@apollo/client/react';
import { NetworksDocument } from '@tiltak/dashboard-data-access';
import { formatDate, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { NetworkForm } from './network-form';

/** `/networks`: the region's register of networks and clusters, and a form to record one for those who may. */
export function NetworksPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(NetworksDocument);
  const captionId = useId();
  const [created, setCreated] = useState<{ message: string; id: string; name: string } | null>(null);

  useDocumentTitle(t('networks.title'));

  return (
    <>
      <h1>{t('networks.title')}</h1>
      <p>{t('networks.intro')}</p>
      {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
      {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
      {data && data.networks.length === 0 && <p>{t('networks.none')}</p>}
      {data && data.networks.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table>
            <caption id={captionId}>{t('networks.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('networks.name')}</th>
                <th scope="col">{t('networks.kind')}</th>
                <th scope="col">{t('networks.foundedOn')}</th>
                <th scope="col">{t('networks.endedOn')}</th>
                <th scope="col">{t('networks.members')}</th>
                <th scope="col">{t('networks.foundingAction')}</th>
              </tr>
            </thead>
            <tbody>
              {data.networks.map((network) => (
                <tr key={network.id}>
                  <th scope="row">
                    <Link to={`/networks/${network.id}`}>
                      <Content>{network.name}</Content>
                    </Link>
                  </th>
                  <td>{t(`networkKind.${network.kind}`)}</td>
                  <td>{formatDate(locale, network.foundedOn)}</td>
                  <td>{network.endedOn ? formatDate(locale, network.endedOn) : t('networks.active')}</td>
                  <td>{t('networks.memberCount', { count: network.totalMembers })}</td>
                  <td>
                    {network.foundingAction ? (
                      <Link to={`/actions/${network.foundingAction.id}`}>
                        {network.foundingAction.code} <Content>{network.foundingAction.title}</Content>
                      </Link>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.viewerCan.manageProgramme && (
        <>
          <OutcomeMessage text={created?.message}>
            {' '}
            {created && <Link to={`/networks/${created.id}`}>{t('networkForm.open', { name: created.name })}</Link>}
          </OutcomeMessage>
          <NetworkForm onDone={(message, network) => setCreated({ message, ...network })} />
        </>
      )}
    </>
  );
}
