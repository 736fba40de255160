import { useViewerCan } from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { DownloadPanel } from './download-panel';
import { ImportPanel } from './import-panel';

/**
 * `/import-export`, "Import og eksport": the programme as a spreadsheet to download, and for those
 * who may write it, a spreadsheet to read back in through a dry run. The API checks every file and
 * every row again; the page only leaves out what the viewer may not do.
 */
export function ExchangePage() {
  const { t } = useI18n();
  const viewerCan = useViewerCan();
  useDocumentTitle(t('exchange.title'));

  if (viewerCan && !viewerCan.exportSpreadsheets) {
    return (
      <>
        <h1>{t('exchange.title')}</h1>
        <p role="status">{t('exchange.notForYou')}</p>
      </>
    );
  }
  return (
    <div className="exchange">
      <h1>{t('exchange.title')}</h1>
      <p className="lead">{t('exchange.intro')}</p>
      <DownloadPanel />
      {viewerCan?.importSpreadsheets && <ImportPanel />}
    </div>
  );
}
