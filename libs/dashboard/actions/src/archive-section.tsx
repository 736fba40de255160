import { useMutation } from '@apollo/client/react';
import { refusalOf, UpdateActionArchiveReferenceDocument } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { ArchiveReference, ArchiveReferenceForm } from '@tiltak/dashboard-ui';

interface ArchivedAction {
  id: string;
  code: string;
  version: number;
  caseReference?: string | null;
  recordUrl?: string | null;
}

/** The action's case in the archive, for everyone who reads it; its editors may set or clear it. */
export function ArchiveSection({ action, mayEdit }: { action: ArchivedAction; mayEdit: boolean }) {
  const { t } = useI18n();
  const [update] = useMutation(UpdateActionArchiveReferenceDocument);
  if (!mayEdit && !action.caseReference && !action.recordUrl) return null;

  const save = async (values: { caseReference: string; recordUrl: string }) => {
    try {
      await update({
        variables: {
          input: {
            actionId: action.id,
            expectedVersion: action.version,
            caseReference: values.caseReference,
            recordUrl: values.recordUrl,
          },
        },
      });
      return null;
    } catch (error) {
      return refusalOf(error).detail;
    }
  };

  return (
    <section aria-labelledby="archive-title" className="panel">
      <h2 id="archive-title">{t('archive.title')}</h2>
      <p>
        {action.caseReference || action.recordUrl ? (
          <ArchiveReference caseReference={action.caseReference} recordUrl={action.recordUrl} />
        ) : (
          t('archive.none')
        )}
      </p>
      {mayEdit && (
        <ArchiveReferenceForm
          label={t('archive.title')}
          initial={{ caseReference: action.caseReference ?? '', recordUrl: action.recordUrl ?? '' }}
          save={save}
        />
      )}
    </section>
  );
}
