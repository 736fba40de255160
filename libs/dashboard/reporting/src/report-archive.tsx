import { useMutation } from '@apollo/client/react';
import { FileReportDocument, refusalOf } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { ArchiveReference, ArchiveReferenceForm } from '@tiltak/dashboard-ui';
import type { RoundReport } from './round-page';

/** Where a submitted report is filed, as the council reads it; its coordinators may file it. */
export function ReportArchive({ report, action }: { report: RoundReport; action: string }) {
  const { t } = useI18n();
  const [file] = useMutation(FileReportDocument);
  const filed = Boolean(report.caseReference || report.recordUrl);
  if (!filed && !report.viewerCanFile) return null;

  const save = async (values: { caseReference: string; recordUrl: string }) => {
    try {
      await file({ variables: { input: { reportId: report.id, expectedVersion: report.version, ...values } } });
      return null;
    } catch (error) {
      return refusalOf(error).detail;
    }
  };

  return (
    <div className="report-review__archive">
      <h4>{t('reports.archive')}</h4>
      <p>
        {filed ? (
          <ArchiveReference caseReference={report.caseReference} recordUrl={report.recordUrl} />
        ) : (
          t('archive.none')
        )}
      </p>
      {report.viewerCanFile && (
        <ArchiveReferenceForm
          label={t('reports.fileTitle', { action })}
          initial={{ caseReference: report.caseReference ?? '', recordUrl: report.recordUrl ?? '' }}
          save={save}
        />
      )}
    </div>
  );
}
