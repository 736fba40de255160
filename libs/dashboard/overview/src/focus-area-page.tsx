import { useQuery } from '@apollo/client/react';
import { FocusAreaPageDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import { Content, ProgressBar, StatusMessage, useContentLang } from '@tiltak/dashboard-ui';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Indicators } from './indicators';

/** `/focus-areas/:id`: one focus area's progress and indicators, for the region as a whole. */
export function FocusAreaPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error } = useQuery(FocusAreaPageDocument, { variables: { id } });
  const focusArea = data?.focusArea;
  const contentLang = useContentLang();

  useEffect(() => {
    document.title = `${focusArea?.name ?? t('overview.focusAreas')} – ${t('app.name')}`;
  }, [focusArea, t]);

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!focusArea) return <h1>{t('place.notFound')}</h1>;

  return (
    <>
      <h1>
        <Content>{focusArea.name}</Content>
      </h1>
      <p lang={contentLang}>{focusArea.description}</p>
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
