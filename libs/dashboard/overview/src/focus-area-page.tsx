import { useQuery } from '@apollo/client/react';
import { FocusAreaPageDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ProgressBar, StatusMessage } from '@tiltak/dashboard-ui';
import { Link, useParams } from 'react-router';
import { Indicators } from './indicators';

/** `/focus-areas/:id`: one focus area's progress and indicators, for the region as a whole. */
export function FocusAreaPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error } = useQuery(FocusAreaPageDocument, { variables: { id } });
  const focusArea = data?.focusArea;

  useDocumentTitle(focusArea?.name ?? t('overview.focusAreas'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!focusArea) return <p>{t('place.notFound')}</p>;

  return (
    <>
      <h1>{focusArea.name}</h1>
      <p>{focusArea.description}</p>
      <p className="action__figures">
        {t('place.progress')}{' '}
        <ProgressBar value={focusArea.progress} text={formatPercent(locale, focusArea.progress)} />
      </p>
      <p>
        <Link to={`/actions?focusArea=${focusArea.id}`}>{t('place.actions', { name: focusArea.name })}</Link>
      </p>
      <section aria-labelledby="indicators-title" className="panel">
        <h2 id="indicators-title">{t('place.indicators')}</h2>
        <Indicators indicators={data.indicators} />
      </section>
    </>
  );
}
