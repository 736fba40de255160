import { useI18n } from '@tiltak/dashboard-i18n';
import { recordSource } from '@tiltak/domain';

/**
 * A case number and, where there is one, a link to the public record. The link's name says which
 * case, which record (eInnsyn or the archive) and that it opens in a new tab, so a screen reader
 * user knows where it leads before following it; a list of several stays distinguishable.
 */
export function ArchiveReference({
  caseReference,
  recordUrl,
}: {
  caseReference: string | null | undefined;
  recordUrl: string | null | undefined;
}) {
  const { t } = useI18n();
  if (!caseReference && !recordUrl) return null;
  const place = recordUrl && recordSource(recordUrl) === 'EINNSYN' ? 'einnsyn' : 'archive';
  return (
    <span className="archive-reference">
      {caseReference && t('archive.caseNumber', { caseReference })}
      {caseReference && recordUrl && ' · '}
      {recordUrl && (
        <a href={recordUrl} target="_blank" rel="noopener noreferrer">
          {caseReference ? t(`archive.open.${place}`, { caseReference }) : t(`archive.openWithoutNumber.${place}`)}
          <span className="visually-hidden"> {t('archive.newTab')}</span>
        </a>
      )}
    </span>
  );
}
