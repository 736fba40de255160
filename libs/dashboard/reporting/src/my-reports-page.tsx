import { useQuery } from '@apollo/client/react';
import { MyReportsDocument, type MyReportsQuery, type ReportFormFragment } from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { addDays, isLate, osloDate } from '@tiltak/domain';
import { type ReactNode, useId, useRef, useState } from 'react';
import { ReportForm } from './report-form';

type OwedReport = MyReportsQuery['myReports'][number];
type Round = OwedReport['round'];

/** Reports by round, in the order the API gives (deadline first), returned reports first within each. */
export function byRound(reports: readonly OwedReport[]): { round: Round; reports: OwedReport[] }[] {
  const groups = new Map<string, { round: Round; reports: OwedReport[] }>();
  for (const report of reports) {
    // A report submitted from this page stays in the cache's list until the list is fetched again.
    if (report.state === 'SUBMITTED') continue;
    const group = groups.get(report.round.id) ?? { round: report.round, reports: [] };
    group.reports.push(report);
    groups.set(report.round.id, group);
  }
  return [...groups.values()].map((group) => ({
    ...group,
    reports: [...group.reports].sort(
      (a, b) =>
        Number(b.state === 'RETURNED') - Number(a.state === 'RETURNED') || a.action.code.localeCompare(b.action.code),
    ),
  }));
}

/**
 * `/my-reports`, "Mine oppgaver": what the viewer owes in each open reporting round, each report's
 * form opened in place. A submission closes the form and says so in a message that takes focus;
 * closing a form hands focus back to the button that opened it.
 */
export function MyReportsPage() {
  const { t } = useI18n();
  const { data, error } = useQuery(MyReportsDocument);
  const [openId, setOpenId] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const openers = useRef(new Map<string, HTMLButtonElement>());

  useDocumentTitle(t('myReports.title'));

  const groups = byRound(data?.myReports ?? []);
  const close = (id: string) => {
    setOpenId(null);
    openers.current.get(id)?.focus();
  };
  const submitted = (report: ReportFormFragment) => {
    setOpenId(null);
    setSaid(t('myReports.submitted', { action: `${report.action.code} ${report.action.title}` }));
  };

  return (
    <>
      <h1>{t('myReports.title')}</h1>
      <p className="lead">{t('myReports.intro')}</p>
      <OutcomeMessage text={said} />
      {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
      {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
      {data && groups.length === 0 && <p>{t('myReports.none')}</p>}
      {groups.map(({ round, reports }) => (
        <RoundGroup key={round.id} round={round} count={reports.length}>
          <ul className="owed-reports">
            {reports.map((report) => (
              <OwedReportItem
                key={report.id}
                report={report}
                open={openId === report.id}
                opener={(element) => {
                  if (element) openers.current.set(report.id, element);
                  else openers.current.delete(report.id);
                }}
                onOpen={() => {
                  setSaid(null);
                  setOpenId(report.id);
                }}
                onClose={() => close(report.id)}
                onSubmitted={submitted}
              />
            ))}
          </ul>
        </RoundGroup>
      ))}
    </>
  );
}

function RoundGroup({ round, count, children }: { round: Round; count: number; children: ReactNode }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const late = isLate(round.deadline, osloDate());
  return (
    <section aria-labelledby={titleId} className="owed-round">
      <h2 id={titleId}>{round.name}</h2>
      <p className="owed-round__facts">
        <span className={late ? 'owed-round__deadline owed-round__deadline--late' : 'owed-round__deadline'}>
          {t('myReports.deadline', { date: formatDate(locale, round.deadline) })}
          {late && <> · {t('myReports.late')}</>}
        </span>
        {' · '}
        {t('myReports.closes', { date: formatDate(locale, addDays(round.deadline, round.graceDays)) })}
        {' · '}
        {t('myReports.count', { count })}
      </p>
      {children}
    </section>
  );
}

function OwedReportItem({
  report,
  open,
  opener,
  onOpen,
  onClose,
  onSubmitted,
}: {
  report: OwedReport;
  open: boolean;
  opener(element: HTMLButtonElement | null): void;
  onOpen(): void;
  onClose(): void;
  onSubmitted(report: ReportFormFragment): void;
}) {
  const { t, locale } = useI18n();
  const formId = useId();
  return (
    <li className={`owed-report owed-report--${report.state.toLowerCase()}`}>
      <h3 className="owed-report__title">
        <span className="action__code">{report.action.code}</span> {report.action.title}
        {report.municipality && <> ({t('myReports.part', { municipality: report.municipality.name })})</>}
      </h3>
      <p className="owed-report__state">
        <span className={`report-state report-state--${report.state.toLowerCase()}`}>
          {t(`reportState.${report.state}`)}
        </span>
      </p>
      {report.state === 'RETURNED' && report.returnComment && (
        <blockquote className="owed-report__returned">
          <p>
            {t('myReports.returnedBy', {
              name: report.returnedBy ?? '',
              date: report.returnedAt ? formatDateTime(locale, report.returnedAt) : '',
            })}
          </p>
          <p>{report.returnComment}</p>
        </blockquote>
      )}
      {report.viewerCanSubmit && (
        <button
          type="button"
          ref={opener}
          aria-expanded={open}
          aria-controls={formId}
          onClick={open ? onClose : onOpen}
        >
          {t('myReports.open')}
          <span className="visually-hidden">
            : {report.action.code} {report.action.title}
          </span>
        </button>
      )}
      <div id={formId}>{open && <ReportForm report={report} onClose={onClose} onSubmitted={onSubmitted} />}</div>
    </li>
  );
}
