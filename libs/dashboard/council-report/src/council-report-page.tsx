import { useQuery } from '@apollo/client/react';
import { CouncilSnapshotsDocument, refusalOf, useViewerCan } from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { useId } from 'react';
import { Comparison } from './comparison';
import { DownloadForm } from './download-form';
import { SnapshotTable } from './snapshot-table';
import { TakeSnapshotForm } from './take-snapshot-form';

/**
 * `/council-report`, "Rapport til regionrådet": the period's snapshots, taking a new one before a
 * council meeting, the report for any of them as PDF or Word, and what changed between two of
 * them or since one. The list follows new snapshots live (a `council_snapshot` change).
 */
export function CouncilReportPage() {
  const { t } = useI18n();
  const id = useId();
  const viewerCan = useViewerCan();
  const mayRead = viewerCan?.readCouncilReports ?? null;
  const { data, error } = useQuery(CouncilSnapshotsDocument, {
    skip: mayRead === false,
    fetchPolicy: 'cache-and-network',
  });

  useDocumentTitle(t('councilReport.title'));

  const refused = mayRead === false || (error && refusalOf(error).reason === 'FORBIDDEN');
  if (refused) {
    return (
      <>
        <h1>{t('councilReport.title')}</h1>
        <p role="status">{t('councilReport.notForYou')}</p>
      </>
    );
  }
  const snapshots = data?.councilSnapshots ?? [];
  return (
    <div className="council-report">
      <h1>{t('councilReport.title')}</h1>
      <p className="lead">{t('councilReport.intro')}</p>
      {viewerCan?.takeCouncilSnapshot && <TakeSnapshotForm />}
      <section aria-labelledby={`${id}-snapshots`} className="panel">
        <h2 id={`${id}-snapshots`}>{t('councilReport.snapshots')}</h2>
        {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
        {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
        {data && snapshots.length === 0 && <p>{t('councilReport.none')}</p>}
        {snapshots.length > 0 && <SnapshotTable snapshots={snapshots} labelledBy={`${id}-snapshots`} />}
      </section>
      {snapshots.length > 0 && <DownloadForm snapshots={snapshots} />}
      {data && <Comparison snapshots={snapshots} />}
    </div>
  );
}
