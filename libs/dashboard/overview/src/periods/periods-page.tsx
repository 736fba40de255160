import { useQuery } from '@apollo/client/react';
import { ProgrammesDocument, usePeriodChoice, useViewerCan } from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { NewPeriodForm } from './new-period-form';

/** `/periods`: the programme's periods (rullering), and for those allowed, the form that starts the next. */
export function PeriodsPage() {
  const { t } = useI18n();
  const { data, error } = useQuery(ProgrammesDocument);
  const { programmeId, choose } = usePeriodChoice();
  const mayStart = useViewerCan()?.manageProgramme ?? false;
  const [started, setStarted] = useState<string | null>(null);

  useDocumentTitle(t('periods.title'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const current = data.programmes.find((p) => p.isCurrent);

  return (
    <>
      <h1>{t('periods.title')}</h1>
      <p>{t('periods.intro')}</p>
      <table className="data-table">
        <caption>{t('periods.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('periods.period')}</th>
            <th scope="col">{t('periods.name')}</th>
            <th scope="col">{t('periods.state')}</th>
            <th scope="col">{t('periods.read')}</th>
          </tr>
        </thead>
        <tbody>
          {data.programmes.map((programme) => {
            const reading = programme.isCurrent ? programmeId === null : programmeId === programme.id;
            return (
              <tr key={programme.id}>
                <th scope="row">{programme.period}</th>
                <td>
                  <Content>{programme.name}</Content>
                </td>
                <td>{t(`periods.state.${programme.state}`)}</td>
                <td>
                  {reading ? (
                    t('periods.readingNow')
                  ) : (
                    <button type="button" onClick={() => void choose(programme.isCurrent ? null : programme.id)}>
                      {t('periods.readPeriod', { period: programme.period })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <OutcomeMessage text={started ?? undefined} />
      {mayStart && current && (
        <NewPeriodForm current={current} onStarted={(period) => setStarted(t('periods.started', { period }))} />
      )}
    </>
  );
}
