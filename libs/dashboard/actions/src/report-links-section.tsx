import { useMutation, useQuery } from '@apollo/client/react';
import {
  type LinkableReportsQuery,
  LinkableReportsDocument,
  refusalOf,
  ReportLinksDocument,
  RevokeReportLinkDocument,
  SendReportLinkDocument,
} from '@tiltak/dashboard-data-access';
import { formatDate, formatDateTime, useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useId, useState } from 'react';

type Linkable = LinkableReportsQuery['linkableReports'][number];

/**
 * Reporting by link: for those who may send links, each of the action's reports in an open round,
 * with a short form to send a link (to the lead party's contact person or an address typed) and the
 * links sent, which can be withdrawn. Shown to no one else: the API answers them with no reports.
 */
export function ReportLinksSection({ actionId }: { actionId: string }) {
  const { t } = useI18n();
  const { data } = useQuery(LinkableReportsDocument, { variables: { actionId } });
  const reports = data?.linkableReports ?? [];
  if (reports.length === 0) return null;
  return (
    <section aria-labelledby="report-links-title" className="panel report-links">
      <h2 id="report-links-title">{t('reportLinks.title')}</h2>
      {reports.map((report) => (
        <LinkableReport key={report.reportId} report={report} />
      ))}
    </section>
  );
}

function LinkableReport({ report }: { report: Linkable }) {
  const { t, locale } = useI18n();
  const ids = { heading: useId(), name: useId(), email: useId(), language: useId() };
  const [toLead, setToLead] = useState(report.leadPartyId !== null);
  const [problem, setProblem] = useState<'name' | 'email' | null>(null);
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null);
  const links = useQuery(ReportLinksDocument, { variables: { reportId: report.reportId } });
  const [send, { loading: sending }] = useMutation(SendReportLinkDocument);
  const [revoke] = useMutation(RevokeReportLinkDocument);
  const heading = report.municipalityName
    ? t('reportLinks.reportOf', { round: report.roundName, municipality: report.municipalityName })
    : report.roundName;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const name = form.elements.namedItem('name') as HTMLInputElement | null;
    const email = form.elements.namedItem('email') as HTMLInputElement | null;
    const language = (form.elements.namedItem('language') as HTMLSelectElement).value as 'nb' | 'en';
    if (!toLead && name && email) {
      const missing = !name.value.trim() ? 'name' : !email.value.trim() || !email.validity.valid ? 'email' : null;
      setProblem(missing);
      if (missing) {
        (missing === 'name' ? name : email).focus();
        return;
      }
    }
    setSaid(null);
    try {
      const result = await send({
        variables: {
          input: {
            reportId: report.reportId,
            language,
            ...(toLead && report.leadPartyId
              ? { partyId: report.leadPartyId }
              : { name: name?.value.trim(), email: email?.value.trim() }),
          },
        },
      });
      form.reset();
      setSaid({
        text: t('reportLinks.sent', { email: result.data?.sendReportLink.recipientEmail ?? '' }),
        error: false,
      });
      await links.refetch();
    } catch (error) {
      setSaid({ text: t('reportLinks.refused', { reason: refusalOf(error).detail }), error: true });
    }
  };

  const withdraw = async (id: string, name: string) => {
    try {
      await revoke({ variables: { linkId: id } });
      setSaid({ text: t('reportLinks.revoked', { name }), error: false });
      await links.refetch();
    } catch (error) {
      setSaid({ text: t('reportLinks.refused', { reason: refusalOf(error).detail }), error: true });
    }
  };

  const fieldProblem = (field: 'name' | 'email', id: string) =>
    problem === field
      ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-problem`, onInput: () => setProblem(null) }
      : {};

  return (
    <section className="report-links__report" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{heading}</h3>
      <p>
        {t('reportLinks.intro', { round: report.roundName })}{' '}
        {t('reportLinks.deadline', { date: formatDate(locale, report.deadline) })}
      </p>
      {said && (
        <p role={said.error ? 'alert' : 'status'} className={said.error ? 'status status--error' : 'status'}>
          {said.text}
        </p>
      )}
      <form className="stacked-form" onSubmit={(event) => void submit(event)} noValidate>
        {report.leadPartyId && (
          <fieldset>
            <legend>{t('reportLinks.recipient')}</legend>
            <label className="filters__check">
              <input type="radio" name="to" checked={toLead} onChange={() => setToLead(true)} />
              {t('reportLinks.toLeadContact', { party: report.leadPartyName ?? '' })}:{' '}
              {t('reportLinks.sentTo', { name: report.leadContactName ?? '', email: report.leadContactEmail ?? '' })}
            </label>
            <label className="filters__check">
              <input type="radio" name="to" checked={!toLead} onChange={() => setToLead(false)} />
              {t('reportLinks.toTyped')}
            </label>
          </fieldset>
        )}
        {!toLead && (
          <>
            <label htmlFor={ids.name}>{t('reportLinks.name')}</label>
            {problem === 'name' && (
              <p id={`${ids.name}-problem`} className="status--error">
                {t('reportLinks.nameMissing')}
              </p>
            )}
            <input id={ids.name} name="name" autoComplete="off" maxLength={200} {...fieldProblem('name', ids.name)} />
            <label htmlFor={ids.email}>{t('reportLinks.email')}</label>
            {problem === 'email' && (
              <p id={`${ids.email}-problem`} className="status--error">
                {t('reportLinks.emailInvalid')}
              </p>
            )}
            <input
              id={ids.email}
              name="email"
              type="email"
              autoComplete="off"
              maxLength={254}
              {...fieldProblem('email', ids.email)}
            />
          </>
        )}
        <label htmlFor={ids.language}>{t('reportLinks.language')}</label>
        <select id={ids.language} name="language" defaultValue={locale === 'en' ? 'en' : 'nb'}>
          <option value="nb" lang="nb">
            {t('language.nb')}
          </option>
          <option value="en" lang="en">
            {t('language.en')}
          </option>
        </select>
        <button type="submit" disabled={sending}>
          {t('reportLinks.send')}
        </button>
      </form>
      <h4>{t('reportLinks.listTitle')}</h4>
      {links.data && links.data.reportLinks.length === 0 && <p>{t('reportLinks.none')}</p>}
      <ul className="report-links__list">
        {links.data?.reportLinks.map((link) => (
          <li key={link.id}>
            <span>
              {t('reportLinks.sentTo', { name: link.recipientName, email: link.recipientEmail })} ·{' '}
              {t(`reportLinks.state.${link.state}`)}
              {link.state === 'ACTIVE' &&
                ` · ${t('reportLinks.expires', { time: formatDateTime(locale, link.expiresAt) })}`}
            </span>
            {link.state === 'ACTIVE' && (
              <button
                type="button"
                className="button--destructive"
                aria-label={t('reportLinks.revokeLabel', { name: link.recipientName })}
                onClick={() => void withdraw(link.id, link.recipientName)}
              >
                {t('reportLinks.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
