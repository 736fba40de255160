import { useQuery } from '@apollo/client/react';
import { MunicipalityPageDocument } from '@tiltak/dashboard-data-access';
import { formatDate, formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ProgressBar, StatusMessage } from '@tiltak/dashboard-ui';
import { Link, useParams } from 'react-router';
import { Indicators } from './indicators';

/** `/municipalities/:slug`: one municipality's progress, political decisions and indicators. */
export function MunicipalityPage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error } = useQuery(MunicipalityPageDocument, { variables: { slug } });
  const municipality = data?.municipality;

  useDocumentTitle(municipality?.name ?? t('overview.municipalities'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!municipality) return <p>{t('place.notFound')}</p>;
  const focusAreaName = new Map(data.focusAreas.map((f) => [f.id, f.name]));
  const decisions = data.adoptions.filter((a) => a.municipalityId === municipality.id);

  return (
    <>
      <h1>{municipality.name}</h1>
      <p className="action__figures">
        {t('place.progress')}{' '}
        <ProgressBar value={municipality.progress} text={formatPercent(locale, municipality.progress)} />
      </p>
      <p>
        <Link to={`/actions?municipality=${municipality.id}`}>{t('place.actions', { name: municipality.name })}</Link>
      </p>
      <section aria-labelledby="decisions-title" className="panel">
        <h2 id="decisions-title">{t('place.decisions')}</h2>
        {decisions.length === 0 ? (
          <p>{t('place.noDecisions')}</p>
        ) : (
          <ul>
            {decisions.map((decision) => (
              <li key={decision.id}>
                {decision.focusAreaId ? focusAreaName.get(decision.focusAreaId) : t('place.wholeProgramme')}:{' '}
                {t(`adoption.${decision.status as 'PROPOSED' | 'ADOPTED' | 'REJECTED'}`)}
                {decision.decidedOn && ` ${formatDate(locale, decision.decidedOn)}`} ({decision.caseReference})
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="indicators-title" className="panel">
        <h2 id="indicators-title">{t('place.indicators')}</h2>
        <Indicators indicators={data.indicators} municipalityId={municipality.id} />
      </section>
    </>
  );
}
