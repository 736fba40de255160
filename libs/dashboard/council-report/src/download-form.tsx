import { type CouncilSnapshotSummaryFragment, fetchFile, saveBlob, useSession } from '@tiltak/dashboard-data-access';
import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';
import { REPORT_FORMATS, REPORT_LANGUAGES, type ReportFormat, type ReportLanguage, reportUrl } from './report-download';

/** The refusals the report's address answers with and the page says in words of their own. */
const EXPLAINED = new Set([401, 403, 404, 503]);

/**
 * The report for one snapshot as PDF or Word, in bokmål or English. The file is fetched with the
 * session's token (a plain link would carry none) and saved under the name the server gives.
 */
export function DownloadForm({ snapshots }: { snapshots: readonly CouncilSnapshotSummaryFragment[] }) {
  const { t, locale } = useI18n();
  const { store } = useSession();
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [format, setFormat] = useState<ReportFormat>('pdf');
  const [lang, setLang] = useState<ReportLanguage>(locale === 'en' ? 'en' : 'nb');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);
  // The newest snapshot until the reader picks another; one that went away falls back to it too.
  const snapshotId = snapshots.some((s) => s.id === chosen) ? chosen : (snapshots[0]?.id ?? null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!snapshotId || busy) return;
    setBusy(true);
    setSaid(null);
    try {
      const got = await fetchFile(reportUrl(snapshotId, format, lang), store.accessToken, `rapport.${format}`);
      if (got.ok) {
        saveBlob(got.blob, got.filename);
        setSaid({ text: t('councilReport.download.done', { filename: got.filename }), refused: false });
      } else {
        const text = EXPLAINED.has(got.status)
          ? t(`councilReport.download.${got.status as 401 | 403 | 404 | 503}`)
          : t('councilReport.download.failed', { status: String(got.status) });
        setSaid({ text, refused: true });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('councilReport.download.title')}</h2>
      <form
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => void submit(event)}
        className="stacked-form"
        aria-busy={busy}
      >
        <label htmlFor={`${id}-snapshot`}>{t('councilReport.download.snapshot')}</label>
        <select id={`${id}-snapshot`} value={snapshotId ?? ''} onChange={(event) => setChosen(event.target.value)}>
          {snapshots.map((snapshot) => (
            <option key={snapshot.id} value={snapshot.id}>
              {t('councilReport.compare.option', { title: snapshot.title, date: formatDate(locale, snapshot.asOf) })}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('councilReport.download.format')}</legend>
          {REPORT_FORMATS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-format`}
                value={value}
                checked={format === value}
                onChange={() => setFormat(value)}
              />{' '}
              {t(`councilReport.download.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('councilReport.download.language')}</legend>
          {REPORT_LANGUAGES.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-lang`}
                value={value}
                checked={lang === value}
                onChange={() => setLang(value)}
              />{' '}
              {t(`councilReport.download.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy || !snapshotId}>
          {busy ? t('councilReport.download.busy') : t('councilReport.download.submit')}
        </button>
      </form>
      <OutcomeMessage text={said?.text} refused={said?.refused} />
    </section>
  );
}
