import { useMutation, useQuery } from '@apollo/client/react';
import {
  CloseReportingRoundDocument,
  ReportingRoundsDocument,
  type ReportingRoundsQuery,
  refusalOf,
  useViewerCan,
} from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage, StatusMessage } from '@tiltak/dashboard-ui';
import { useState } from 'react';
import { Link } from 'react-router';
import { OpenRoundForm } from './open-round-form';
import { addDays } from '@tiltak/domain';

type Round = ReportingRoundsQuery['reportingRounds'][number];

/** Open rounds first, then the closed ones; within each, the API's order (newest first). */
export function openFirst(rounds: readonly Round[]): Round[] {
  return [...rounds].sort((a, b) => Number(b.state === 'OPEN') - Number(a.state === 'OPEN'));
}

/**
 * `/reporting`, "Rapportering": every reporting round with how far it has come. Admins open a round
 * here and may close one before its time.
 */
export function RoundsPage() {
  const { t, locale } = useI18n();
  const { data, error } = useQuery(ReportingRoundsDocument);
  const [close, { loading: closing }] = useMutation(CloseReportingRoundDocument);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  // Opening and closing rounds is the admins'; the API decides, the page only shows what they can use.
  const admin = useViewerCan()?.manageProgramme ?? false;

  useDocumentTitle(t('reporting.title'));

  const closeEarly = async (round: Round) => {
    if (!window.confirm(t('reporting.closeConfirm', { name: round.name }))) return;
    try {
      await close({ variables: { roundId: round.id, expectedVersion: round.version } });
      setSaid({ text: t('reporting.closed', { name: round.name }), refused: false });
    } catch (problem) {
      const refusal = refusalOf(problem);
      setSaid({
        text:
          refusal.reason === 'other'
            ? t('reporting.refused', { reason: refusal.detail })
            : t(`refusal.${refusal.reason}`, { reason: refusal.detail }),
        refused: true,
      });
    }
  };

  const rounds = openFirst(data?.reportingRounds ?? []);
  return (
    <>
      <h1>{t('reporting.title')}</h1>
      <p className="lead">{t('reporting.intro')}</p>
      {admin && <OpenRoundForm />}
      <section aria-labelledby="rounds-title">
        <h2 id="rounds-title">{t('reporting.rounds')}</h2>
        <OutcomeMessage text={said?.text} refused={said?.refused} />
        {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
        {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
        {data && rounds.length === 0 && <p>{t('reporting.none')}</p>}
        {rounds.length > 0 && (
          <div className="table-scroll" role="region" aria-labelledby="rounds-title" tabIndex={0}>
            <table className="data-table">
              <caption className="visually-hidden">{t('reporting.rounds')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reporting.name')}</th>
                  <th scope="col">{t('reporting.deadline')}</th>
                  <th scope="col">{t('reporting.closes')}</th>
                  <th scope="col">{t('reporting.state')}</th>
                  <th scope="col" className="number">
                    {t('reporting.total')}
                  </th>
                  <th scope="col" className="number">
                    {t('reporting.submitted')}
                  </th>
                  <th scope="col" className="number">
                    {t('reporting.late')}
                  </th>
                  <th scope="col" className="number">
                    {t('reporting.missing')}
                  </th>
                  {admin && (
                    <th scope="col">
                      <span className="visually-hidden">{t('reporting.closeRound')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rounds.map((round) => (
                  <tr key={round.id}>
                    <th scope="row">
                      <Link to={`/reporting/${round.id}`}>{round.name}</Link>
                    </th>
                    <td>{formatDate(locale, round.deadline)}</td>
                    <td>
                      {round.closedAt
                        ? formatDateTime(locale, round.closedAt)
                        : formatDate(locale, addDays(round.deadline, round.graceDays))}
                    </td>
                    <td>{t(`reporting.roundState.${round.state}`)}</td>
                    <td className="number">{round.completion.counts.total}</td>
                    <td className="number">{round.completion.counts.submitted}</td>
                    <td className="number">{round.completion.counts.late}</td>
                    <td className="number">{round.completion.counts.missing}</td>
                    {admin && (
                      <td>
                        {round.state === 'OPEN' && (
                          <button type="button" disabled={closing} onClick={() => void closeEarly(round)}>
                            {t('reporting.closeRound')}
                            <span className="visually-hidden">: {round.name}</span>
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
