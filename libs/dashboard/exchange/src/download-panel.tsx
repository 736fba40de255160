import { fetchFile, saveBlob, useSession } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { type FormEvent, useId, useState } from 'react';
import {
  type CsvSeparator,
  exchangeLanguageOf,
  SHEET_KINDS,
  SHEET_SLUGS,
  type SheetKind,
  sheetCsvUrl,
  workbookUrl,
} from './exchange-api';
import { useRefusalText } from './refusal-text';

const SEPARATORS: readonly CsvSeparator[] = ['semicolon', 'comma'];

/**
 * The programme as the caller may see it: the whole workbook as .xlsx, or one sheet as CSV with
 * the separator the reader's spreadsheet program expects. Fetched with the session's token and
 * saved under the name the API gives.
 */
export function DownloadPanel() {
  const { t, locale } = useI18n();
  const { store } = useSession();
  const refusalText = useRefusalText();
  const id = useId();
  const lang = exchangeLanguageOf(locale);
  const [kind, setKind] = useState<SheetKind>('ACTIONS');
  const [separator, setSeparator] = useState<CsvSeparator>('semicolon');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; refused: boolean } | null>(null);

  const download = async (url: string, fallbackName: string) => {
    if (busy) return;
    setBusy(true);
    setSaid(null);
    try {
      const got = await fetchFile(url, store.accessToken, fallbackName);
      if (got.ok) {
        saveBlob(got.blob, got.filename);
        setSaid({ text: t('exchange.download.done', { filename: got.filename }), refused: false });
      } else {
        setSaid({ text: refusalText(got.status), refused: true });
      }
    } finally {
      setBusy(false);
    }
  };
  const onWorkbook = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void download(workbookUrl(lang), 'tiltak.xlsx');
  };
  const onSheet = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void download(sheetCsvUrl(kind, lang, separator), `${SHEET_SLUGS[kind]}.csv`);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('exchange.download.title')}</h2>
      <form onSubmit={onWorkbook} aria-busy={busy} className="stacked-form">
        <button type="submit" disabled={busy}>
          {t('exchange.download.workbook')}
        </button>
      </form>
      <form onSubmit={onSheet} aria-labelledby={`${id}-csv`} aria-busy={busy} className="stacked-form">
        <h3 id={`${id}-csv`}>{t('exchange.download.csvTitle')}</h3>
        <label htmlFor={`${id}-sheet`}>{t('exchange.download.sheet')}</label>
        <select id={`${id}-sheet`} value={kind} onChange={(event) => setKind(event.target.value as SheetKind)}>
          {SHEET_KINDS.map((value) => (
            <option key={value} value={value}>
              {t(`exchange.sheet.${value}`)}
            </option>
          ))}
        </select>
        <fieldset>
          <legend>{t('exchange.download.separator')}</legend>
          {SEPARATORS.map((value) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name={`${id}-separator`}
                value={value}
                checked={separator === value}
                onChange={() => setSeparator(value)}
              />{' '}
              {t(`exchange.download.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          {busy ? t('exchange.download.busy') : t('exchange.download.csv')}
        </button>
      </form>
      <OutcomeMessage text={said?.text} refused={said?.refused} />
    </section>
  );
}
