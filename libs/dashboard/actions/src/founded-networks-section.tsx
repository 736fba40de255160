import { useQuery } from '@apollo/client/react';
import { ActionFoundedNetworksDocument } from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { Content } from '@tiltak/dashboard-ui';
import { useId } from 'react';
import { Link } from 'react-router';

/** The networks and clusters the action founded, from the register; nothing while it has founded none. */
export function FoundedNetworksSection({ actionId }: { actionId: string }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const { data } = useQuery(ActionFoundedNetworksDocument, { variables: { id: actionId } });
  const networks = data?.action?.foundedNetworks ?? [];
  if (networks.length === 0) return null;
  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('networks.foundedNetworks')}</h2>
      <ul>
        {networks.map((network) => (
          <li key={network.id}>
            <Link to={`/networks/${network.id}`}>
              <Content>{network.name}</Content>
            </Link>{' '}
            (
            {t('networks.foundedItem', {
              kind: t(`networkKind.${network.kind}`),
              date: formatDate(locale, network.foundedOn),
            })}
            )
          </li>
        ))}
      </ul>
    </section>
  );
}
