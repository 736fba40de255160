import { useQuery } from '@apollo/client/react';
import { type CouncilSnapshotSummaryFragment, ProgrammeChangesDocument } from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, useI18n } from '@tiltak/dashboard-i18n';
import { StatusMessage } from '@tiltak/dashboard-ui';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { ProgrammeChangesView } from './programme-changes-view';

/** The value of "now" in the second select: no snapshot, the live programme. */
const NOW = '';

/**
 * "Hva er endret": any two snapshots, or a snapshot and now. The choice lives in the address
 * (`?from=…&to=…`), so the overview can link to it and a reader can send it on.
 */
export function Comparison({ snapshots }: { snapshots: readonly CouncilSnapshotSummaryFragment[] }) {
  const { t, locale } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const known = (value: string | null) => (value && snapshots.some((s) => s.id === value) ? value : null);
  // The newest snapshot against now until the reader chooses: what changed since the last report.
  const from = known(params.get('from')) ?? snapshots[0]?.id ?? null;
  const to = known(params.get('to')) ?? NOW;
  const same = from !== null && from === to;
  const { data, error, previousData } = useQuery(ProgrammeChangesDocument, {
    variables: { fromSnapshotId: from ?? '', toSnapshotId: to === NOW ? null : to },
    skip: from === null || same,
    // Live changes refetch only what is on screen; "now" may have moved while the page was away.
    fetchPolicy: 'cache-and-network',
  });
  const changes = (data ?? previousData)?.programmeChanges;

  const choose = (which: 'from' | 'to', value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === NOW) next.delete(which);
        else next.set(which, value);
        return next;
      },
      { replace: true },
    );
  const option = (snapshot: CouncilSnapshotSummaryFragment) => (
    <option key={snapshot.id} value={snapshot.id}>
      {t('councilReport.compare.option', { title: snapshot.title, date: formatDate(locale, snapshot.asOf) })}
    </option>
  );
  const moment = (snapshot: CouncilSnapshotSummaryFragment | null | undefined, at: string) =>
    snapshot
      ? `${snapshot.title} (${formatDateTime(locale, at)})`
      : `${t('councilReport.compare.now')} (${formatDateTime(locale, at)})`;

  return (
    <section aria-labelledby={`${id}-title`} className="panel" id="what-changed">
      <h2 id={`${id}-title`}>{t('councilReport.compare.title')}</h2>
      {from === null ? (
        <p>{t('councilReport.compare.needsSnapshot')}</p>
      ) : (
        <>
          <p id={`${id}-help`} className="hint">
            {t('councilReport.compare.help')}
          </p>
          <div className="compare-choice">
            <label htmlFor={`${id}-from`}>{t('councilReport.compare.from')}</label>
            <select
              id={`${id}-from`}
              value={from}
              aria-describedby={`${id}-help`}
              onChange={(event) => choose('from', event.target.value)}
            >
              {snapshots.map(option)}
            </select>
            <label htmlFor={`${id}-to`}>{t('councilReport.compare.to')}</label>
            <select id={`${id}-to`} value={to} onChange={(event) => choose('to', event.target.value)}>
              <option value={NOW}>{t('councilReport.compare.now')}</option>
              {snapshots.map(option)}
            </select>
          </div>
          {same && <p role="status">{t('councilReport.compare.sameTwice')}</p>}
          {!same && error && !changes && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
          {!same && !error && !changes && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
          {!same && changes && (
            <>
              <p role="status" className="compare-summary" data-testid="changes-count">
                <strong>{t('councilReport.compare.count', { count: changes.count })}</strong>{' '}
                {t('councilReport.compare.between', {
                  from: moment(changes.from, changes.fromTakenAt),
                  to: moment(changes.to, changes.toTakenAt),
                })}
              </p>
              <ProgrammeChangesView changes={changes} />
            </>
          )}
        </>
      )}
    </section>
  );
}
