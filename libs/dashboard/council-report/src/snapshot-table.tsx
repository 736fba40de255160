import type { CouncilSnapshotSummaryFragment } from '@tiltak/dashboard-data-access';
import { formatDateTime, formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import { Content, HealthTags } from '@tiltak/dashboard-ui';

/** Why a snapshot exists, in words: the round whose closing took it, or who took it by hand. */
export function useSnapshotOccasion() {
  const { t } = useI18n();
  return (snapshot: CouncilSnapshotSummaryFragment) => {
    if (snapshot.trigger === 'ROUND_CLOSED') {
      return t('councilReport.why.ROUND_CLOSED', { round: snapshot.roundName ?? '' });
    }
    return snapshot.takenByName
      ? t('councilReport.why.manualBy', { name: snapshot.takenByName })
      : t('councilReport.why.MANUAL');
  };
}

/** The period's snapshots, newest first: when, why, and the programme's standing in each. */
export function SnapshotTable({
  snapshots,
  labelledBy,
}: {
  snapshots: readonly CouncilSnapshotSummaryFragment[];
  labelledBy: string;
}) {
  const { t, locale } = useI18n();
  const occasion = useSnapshotOccasion();
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="data-table">
        <caption>{t('councilReport.snapshotsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('councilReport.column.title')}</th>
            <th scope="col">{t('councilReport.column.takenAt')}</th>
            <th scope="col">{t('councilReport.column.why')}</th>
            <th scope="col" className="number">
              {t('councilReport.column.progress')}
            </th>
            <th scope="col">{t('councilReport.column.health')}</th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => (
            <tr key={snapshot.id} data-testid="council-snapshot">
              <th scope="row">
                <Content>{snapshot.title}</Content>
              </th>
              <td>{formatDateTime(locale, snapshot.takenAt)}</td>
              <td>{occasion(snapshot)}</td>
              <td className="number">{formatPercent(locale, snapshot.progress)}</td>
              <td>
                <HealthTags counts={snapshot.byHealth} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
