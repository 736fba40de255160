import { useQuery } from '@apollo/client/react';
import { PROGRAMME_FRAME } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { CardList, StatusMessage } from '@tiltak/dashboard-ui';
import { useEffect } from 'react';

/** `/`: the programme at a glance. */
export function OverviewPage() {
  const { t } = useI18n();
  const { data, loading, error } = useQuery(PROGRAMME_FRAME);

  useEffect(() => {
    document.title = `${t('overview.title')} – ${t('app.name')}`;
  }, [t]);

  if (loading) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (error || !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;

  const programme = data.currentProgramme;
  if (!programme) return <p>{t('overview.noProgramme')}</p>;

  return (
    <>
      <h1>{programme.name}</h1>
      <p className="lead">{t('overview.period', { period: programme.period })}</p>
      <CardList
        heading={t('overview.municipalities')}
        summary={t('overview.municipalityCount', { count: data.municipalities.length })}
        items={data.municipalities.map((m) => ({ id: m.id, title: m.name }))}
      />
      <CardList
        heading={t('overview.focusAreas')}
        summary={t('overview.focusAreaCount', { count: data.focusAreas.length })}
        items={data.focusAreas.map((area) => ({ id: area.id, title: area.name, detail: area.description }))}
      />
    </>
  );
}
