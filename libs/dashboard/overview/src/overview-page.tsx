import { useQuery } from '@apollo/client/react';
import { type ProgressCell, ProgressOverviewDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { cellKey, ProgressBar, ProgressMatrix, StatusMessage } from '@tiltak/dashboard-ui';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useChangedCells } from './use-changed-cells';
import { Watchlist } from './watchlist';

/** `/`: the programme at a glance, kept current by the live connection. */
export function OverviewPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(ProgressOverviewDocument);
  const changed = useChangedCells(data?.progressMatrix);
  const [announce, setAnnounce] = useState(true);

  useDocumentTitle(t('overview.title'));

  const cells = useMemo(
    () => new Map((data?.progressMatrix ?? []).map((cell) => [cellKey(cell.municipalityId, cell.focusAreaId), cell])),
    [data],
  );

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const programme = data.currentProgramme;
  if (!programme) return <p>{t('overview.noProgramme')}</p>;

  const percent = (value: number | null) => formatPercent(locale, value);
  const municipalityName = new Map(data.municipalities.map((m) => [m.id, m.name]));
  const focusAreaName = new Map(data.focusAreas.map((f) => [f.id, f.name]));

  const renderCell = (municipalityId: string, focusAreaId: string) => {
    const cell: ProgressCell | undefined = cells.get(cellKey(municipalityId, focusAreaId));
    if (!cell || cell.actionCount === 0) return <span className="matrix__empty">{t('overview.noActions')}</span>;
    const counts = [
      t('overview.actionCount', { count: cell.actionCount }),
      cell.byHealth.atRisk > 0 && t('overview.atRisk', { count: cell.byHealth.atRisk }),
      cell.byHealth.offTrack > 0 && t('overview.offTrack', { count: cell.byHealth.offTrack }),
      cell.overdueMilestones > 0 && t('overview.overdue', { count: cell.overdueMilestones }),
    ].filter(Boolean);
    return (
      <Link
        to={`/actions?municipality=${municipalityId}&focusArea=${focusAreaId}`}
        aria-label={t('overview.cellLink', {
          municipality: municipalityName.get(municipalityId) ?? '',
          focusArea: focusAreaName.get(focusAreaId) ?? '',
          progress: percent(cell.progress),
        })}
        className="matrix__link"
      >
        <ProgressBar value={cell.progress} text={percent(cell.progress)} />
        <span className="matrix__counts">{counts.join(' · ')}</span>
      </Link>
    );
  };

  return (
    <>
      <h1>{programme.name}</h1>
      <p className="lead">{t('overview.period', { period: programme.period })}</p>
      <section aria-labelledby="programme-progress" className="programme-progress">
        <h2 id="programme-progress">{t('overview.programmeProgress')}</h2>
        <ProgressBar value={programme.progress} text={percent(programme.progress)} />
      </section>
      <div className="announcements">
        <p aria-live={announce ? 'polite' : 'off'} className="visually-hidden">
          {changed.size > 0 ? t('overview.changedCells', { count: changed.size }) : ''}
        </p>
        <button type="button" onClick={() => setAnnounce((on) => !on)} aria-pressed={!announce}>
          {announce ? t('overview.pauseAnnouncements') : t('overview.resumeAnnouncements')}
        </button>
      </div>
      <ProgressMatrix
        caption={t('overview.matrixCaption')}
        cornerLabel={t('overview.matrixCorner')}
        rows={data.municipalities.map((m) => ({
          id: m.id,
          label: (
            <>
              <Link to={`/municipalities/${m.slug}`}>{m.name}</Link>{' '}
              <span className="matrix__total">{percent(m.progress)}</span>
            </>
          ),
        }))}
        columns={data.focusAreas.map((f) => ({
          id: f.id,
          label: (
            <>
              <Link to={`/focus-areas/${f.id}`}>{f.name}</Link>{' '}
              <span className="matrix__total">{percent(f.progress)}</span>
            </>
          ),
        }))}
        cell={renderCell}
        changed={changed}
      />
      <Watchlist />
    </>
  );
}
