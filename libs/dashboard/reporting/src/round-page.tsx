import { useQuery } from '@apollo/client/react';
import { ReportingRoundDocument, type ReportingRoundQuery, type ReportState } from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ArchiveReference, OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { addDays, REPORT_STATES } from '@tiltak/domain';
import { Fragment, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CompletionTable } from './completion-table';
import { ReportReview } from './report-review';

type Round = NonNullable<ReportingRoundQuery['reportingRound']>;
export type RoundReport = Round['reports'][number];

/**
 * `/reporting/:roundId`, the completion view for coordinators and the council: how many reports are
 * submitted, late and missing per municipality and focus area, who owes the missing ones, and the
 * reports themselves, which a coordinator may read and return. Live changes to the round's reports
 * fetch it again (see the live cache), so it moves as reports come in.
 */
export function RoundPage() {
  const { roundId = '' } = useParams();
  const { t, locale } = useI18n();
  const [municipalityId, setMunicipalityId] = useState('');
  const [state, setState] = useState<ReportState | ''>('');
  const { data, previousData, error } = useQuery(ReportingRoundDocument, {
    variables: { id: roundId, municipalityId: municipalityId || null, state: state || null },
  });
  // While a new filter loads, the figures and the heading stay as they were.
  const round = (data ?? previousData)?.reportingRound;
  const [readId, setReadId] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const readers = useRef(new Map<string, HTMLButtonElement>());
  const ids = { reports: useId(), municipality: useId(), state: useId() };

  useDocumentTitle(round?.name ?? t('reporting.title'));

  if (error && !round) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data && !previousData) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!round) {
    return (
      <>
        <h1>{t('round.notFound')}</h1>
        <Link to="/reporting">{t('round.back')}</Link>
      </>
    );
  }

  const { counts } = round.completion;
  const municipalities = round.completion.byMunicipality.flatMap((row) =>
    row.municipality ? [{ id: row.municipality.id, name: row.municipality.name, counts: row.counts }] : [],
  );
  const focusAreas = round.completion.byFocusArea.flatMap((row) =>
    row.focusArea ? [{ id: row.focusArea.id, name: row.focusArea.name, counts: row.counts }] : [],
  );
  const hideReport = (id: string) => {
    setReadId(null);
    readers.current.get(id)?.focus();
  };

  return (
    <>
      <p className="breadcrumb">
        <Link to="/reporting">{t('round.back')}</Link>
      </p>
      <h1>{round.name}</h1>
      <p className="lead">
        {t('round.facts', {
          deadline: formatDate(locale, round.deadline),
          count: round.graceDays,
          closes: formatDate(locale, addDays(round.deadline, round.graceDays)),
        })}{' '}
        {t(`reporting.roundState.${round.state}`)}
        {round.closedAt && <> · {t('round.closedAt', { date: formatDateTime(locale, round.closedAt) })}</>}
      </p>
      <p className="round-summary">
        {t('round.summary', {
          total: counts.total,
          submitted: counts.submitted,
          late: counts.late,
          missing: counts.missing,
        })}
      </p>
      <div className="completion-tables">
        <CompletionTable
          caption={t('round.byMunicipality')}
          rowHeader={t('round.municipality')}
          lines={municipalities}
          note={t('round.municipalityNote')}
        />
        <CompletionTable caption={t('round.byFocusArea')} rowHeader={t('round.focusArea')} lines={focusAreas} />
      </div>
      <section aria-labelledby={ids.reports}>
        <h2 id={ids.reports}>{t('round.reports')}</h2>
        <OutcomeMessage text={said} />
        <div className="filters">
          <div>
            <label htmlFor={ids.municipality}>{t('round.filterMunicipality')}</label>
            <select
              id={ids.municipality}
              value={municipalityId}
              onChange={(event) => setMunicipalityId(event.target.value)}
            >
              <option value="">{t('round.filterAll')}</option>
              {municipalities.map((municipality) => (
                <option key={municipality.id} value={municipality.id}>
                  {municipality.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.state}>{t('round.filterState')}</label>
            <select id={ids.state} value={state} onChange={(event) => setState(event.target.value as ReportState | '')}>
              <option value="">{t('round.filterAll')}</option>
              {REPORT_STATES.map((value) => (
                <option key={value} value={value}>
                  {t(`reportState.${value}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p role="status">{t('round.reportsShown', { count: round.reports.length })}</p>
        <div className="table-scroll" role="region" aria-labelledby={ids.reports} tabIndex={0}>
          <table className="data-table reports-table">
            <caption className="visually-hidden">{t('round.reportsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('round.action')}</th>
                <th scope="col">{t('round.part')}</th>
                <th scope="col">{t('round.reportState')}</th>
                <th scope="col">{t('round.owedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('round.read')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {round.reports.map((report) => (
                <Fragment key={report.id}>
                  <tr>
                    <th scope="row">
                      <span className="action__code">{report.action.code}</span> {report.action.title}
                    </th>
                    <td>{report.municipality?.name ?? t('round.partOwn')}</td>
                    <td>
                      <span className={`report-state report-state--${report.state.toLowerCase()}`}>
                        {t(`reportState.${report.state}`)}
                      </span>
                      {report.late && <> ({t('round.lateFlag')})</>}
                      {report.state === 'SUBMITTED' && report.submittedAt && (
                        <span className="reports-table__when">
                          {report.submittedBy
                            ? t('round.submittedBy', {
                                name: report.submittedBy,
                                date: formatDateTime(locale, report.submittedAt),
                              })
                            : formatDateTime(locale, report.submittedAt)}
                        </span>
                      )}
                      {(report.caseReference || report.recordUrl) && (
                        <span className="reports-table__when">
                          <ArchiveReference caseReference={report.caseReference} recordUrl={report.recordUrl} />
                        </span>
                      )}
                    </td>
                    <td>
                      {report.state === 'SUBMITTED'
                        ? ''
                        : report.owedBy.join(', ') || <em>{t('round.owedByNobody')}</em>}
                    </td>
                    <td>
                      {report.state === 'SUBMITTED' && (
                        <button
                          type="button"
                          aria-expanded={readId === report.id}
                          ref={(element) => {
                            if (element) readers.current.set(report.id, element);
                            else readers.current.delete(report.id);
                          }}
                          onClick={() => {
                            setSaid(null);
                            if (readId === report.id) hideReport(report.id);
                            else setReadId(report.id);
                          }}
                        >
                          {readId === report.id ? t('round.readHide') : t('round.read')}
                          <span className="visually-hidden">
                            : {report.action.code} {report.action.title}
                          </span>
                        </button>
                      )}
                    </td>
                  </tr>
                  {readId === report.id && (
                    <tr className="reports-table__detail">
                      <td colSpan={5}>
                        <ReportReview
                          report={report}
                          onReturned={() => {
                            setReadId(null);
                            setSaid(t('round.returned', { action: `${report.action.code} ${report.action.title}` }));
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
