import { useQuery } from '@apollo/client/react';
import { type ProgressCell, ProgressOverviewDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { cellKey, Content, ProgressBar, ProgressMatrix, StatusMessage } from '@tiltak/dashboard-ui';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { cellChanges, cellFingerprint, worstCell } from './figures';
import { FundingOverview } from './funding-overview';
import { MatrixCell } from './matrix-cell';
import { ProgrammeStanding } from './programme-standing';
import { SinceCouncilReport } from './since-council-report';
import { useChanges } from './use-changes';
import { AtRiskList, Watchlist } from './watchlist';

/** How many changes the announcement names before it says how many more there are. */
const ANNOUNCED = 4;
const WORST_CELL_ID = 'worst-cell';

const progressFingerprint = (item: { progress: number | null }) => String(item.progress);

/** `/`: where the programme stands and what needs attention, kept current by the live connection. */
export function OverviewPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(ProgressOverviewDocument);
  const [announce, setAnnounce] = useState(true);

  useDocumentTitle(t('overview.title'));

  const cells = useMemo(
    () => data && new Map(data.progressMatrix.map((cell) => [cellKey(cell.municipalityId, cell.focusAreaId), cell])),
    [data],
  );
  const municipalities = useMemo(() => data && new Map(data.municipalities.map((m) => [m.id, m])), [data]);
  const focusAreas = useMemo(() => data && new Map(data.focusAreas.map((f) => [f.id, f])), [data]);
  const programmes = useMemo(
    () => (data?.currentProgramme ? new Map([[data.currentProgramme.id, data.currentProgramme]]) : undefined),
    [data],
  );
  const changedCells = useChanges<ProgressCell>(cells, cellFingerprint);
  const changedMunicipalities = useChanges(municipalities, progressFingerprint);
  const changedFocusAreas = useChanges(focusAreas, progressFingerprint);
  const changedProgramme = useChanges(programmes, progressFingerprint);

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data || !cells) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  const programme = data.currentProgramme;
  if (!programme) return <p>{t('overview.noProgramme')}</p>;

  const percent = (value: number | null) => formatPercent(locale, value);
  const change = (before: number | null, after: number | null) =>
    t('overview.change', { before: percent(before), after: percent(after) });
  const municipalityName = (id: string) => municipalities?.get(id)?.name ?? '';
  const focusAreaName = (id: string) => focusAreas?.get(id)?.name ?? '';
  const worst = worstCell(data.progressMatrix);
  const worstKey = worst && cellKey(worst.municipalityId, worst.focusAreaId);

  const cellChangeText = new Map(
    [...changedCells].map(([key, { before, after }]) => [key, cellChanges(before, after, t, percent)]),
  );
  const announcements = [
    ...[...changedCells].map(([key, { after }]) =>
      t('overview.cellChanged', {
        municipality: municipalityName(after.municipalityId),
        focusArea: focusAreaName(after.focusAreaId),
        changes: (cellChangeText.get(key) ?? []).join(', '),
      }),
    ),
    ...[...changedMunicipalities.values(), ...changedFocusAreas.values(), ...changedProgramme.values()].map(
      ({ before, after }) =>
        t('overview.totalChanged', { name: after.name, changes: change(before.progress, after.progress) }),
    ),
  ];
  const announcement =
    announcements.length > ANNOUNCED
      ? `${announcements.slice(0, ANNOUNCED).join('. ')}. ${t('overview.changedMore', { count: announcements.length - ANNOUNCED })}`
      : announcements.join('. ');

  const total = (
    item: { name: string; progress: number | null; expectedProgress: number | null },
    key: string,
    changes: ReadonlyMap<string, { before: { progress: number | null } }>,
  ) => {
    const changed = changes.get(key);
    return (
      <span className="matrix__total">
        <ProgressBar value={item.progress} expected={item.expectedProgress} text={percent(item.progress)} />{' '}
        <span className="matrix__expected">
          {t('overview.ofExpected', { expected: percent(item.expectedProgress) })}
        </span>
        {changed && (
          <span className="matrix__change">
            <span className="change-badge">{t('overview.changedBadge')}</span>{' '}
            {change(changed.before.progress, item.progress)}
          </span>
        )}
      </span>
    );
  };
  const periodInName = programme.name.includes(programme.period);

  return (
    <div className="overview">
      <header className="overview__header">
        <h1>
          <Content>{programme.name}</Content>
          {!periodInName && (
            <span className="overview__period"> {t('overview.period', { period: programme.period })}</span>
          )}
        </h1>
        <ProgrammeStanding
          programme={programme}
          change={
            changedProgramme.size > 0
              ? change([...changedProgramme.values()][0].before.progress, programme.progress)
              : null
          }
          worst={
            worst && {
              label: t('overview.worstCellLink', {
                municipality: municipalityName(worst.municipalityId),
                focusArea: focusAreaName(worst.focusAreaId),
              }),
              targetId: WORST_CELL_ID,
            }
          }
        />
      </header>
      <div className="overview__body">
        <section aria-labelledby="matrix-title" className="overview__matrix">
          <div className="overview__matrix-head">
            <h2 id="matrix-title">{t('overview.matrixTitle')}</h2>
            <div className="announcements">
              <p aria-live={announce ? 'polite' : 'off'} className="visually-hidden" data-testid="matrix-announcement">
                {announcement}
              </p>
              <button type="button" onClick={() => setAnnounce((on) => !on)} aria-pressed={!announce}>
                {announce ? t('overview.pauseAnnouncements') : t('overview.resumeAnnouncements')}
              </button>
            </div>
          </div>
          <ProgressMatrix
            labelledBy="matrix-title"
            caption={t('overview.matrixCaption')}
            skipLabel={t('matrix.skip')}
            cornerLabel={t('overview.matrixCorner')}
            rows={data.municipalities.map((m) => ({
              id: m.id,
              className: changedMunicipalities.has(m.id) ? 'matrix__total--changed' : undefined,
              label: (
                <>
                  <Link to={`/municipalities/${m.slug}`}>{m.name}</Link>
                  {total(m, m.id, changedMunicipalities)}
                </>
              ),
            }))}
            columns={data.focusAreas.map((f) => ({
              id: f.id,
              className: changedFocusAreas.has(f.id) ? 'matrix__total--changed' : undefined,
              label: (
                <>
                  <Link to={`/focus-areas/${f.id}`}>
                    <Content>{f.name}</Content>
                  </Link>
                  {total(f, f.id, changedFocusAreas)}
                </>
              ),
            }))}
            cell={(municipalityId, focusAreaId) => {
              const key = cellKey(municipalityId, focusAreaId);
              return (
                <MatrixCell
                  cell={cells.get(key)}
                  municipality={municipalityName(municipalityId)}
                  focusArea={focusAreaName(focusAreaId)}
                  changes={cellChangeText.get(key) ?? null}
                  worst={key === worstKey}
                  id={key === worstKey ? WORST_CELL_ID : undefined}
                />
              );
            }}
            changed={new Set(changedCells.keys())}
            marked={worstKey ? new Set([worstKey]) : undefined}
          />
          <p className="hint">{t('overview.legend', { days: programme.standing.staleAfterDays })}</p>
        </section>
        <AtRiskList staleAfterDays={programme.standing.staleAfterDays} />
      </div>
      <SinceCouncilReport />
      <FundingOverview />
      <Watchlist />
    </div>
  );
}
