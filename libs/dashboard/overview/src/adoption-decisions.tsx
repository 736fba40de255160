import { formatDate, useI18n } from '@tiltak/dashboard-i18n';
import { ArchiveReference } from '@tiltak/dashboard-ui';
import type { AdoptionStatus } from '@tiltak/domain';
import type { ReactNode } from 'react';

interface Decision {
  id: string;
  status: string;
  decidedOn?: string | null;
  caseReference: string;
  recordUrl?: string | null;
  recordedAt: string;
  recordedBy?: string | null;
}

export interface AdoptionWithHistory extends Omit<Decision, 'recordedAt' | 'recordedBy'> {
  focusAreaId?: string | null;
  decisions: Decision[];
}

/**
 * A municipality's decisions, each subject with its standing decision and archive reference, and
 * its earlier decisions in a table behind a disclosure (the council looks back now and then, not
 * every time).
 */
export function AdoptionDecisions({
  adoptions,
  subjectName,
}: {
  adoptions: AdoptionWithHistory[];
  subjectName: (focusAreaId: string | null) => ReactNode;
}) {
  const { t, locale } = useI18n();
  const status = (value: string) => t(`adoption.${value as AdoptionStatus}`);
  return (
    <ul className="decisions">
      {adoptions.map((adoption) => {
        const subject = subjectName(adoption.focusAreaId ?? null);
        return (
          <li key={adoption.id}>
            {subject}: {status(adoption.status)}
            {adoption.decidedOn && ` ${formatDate(locale, adoption.decidedOn)}`}
            {' · '}
            <ArchiveReference caseReference={adoption.caseReference} recordUrl={adoption.recordUrl} />
            {adoption.decisions.length > 1 && (
              <details>
                <summary>{t('decisions.history', { count: adoption.decisions.length })}</summary>
                <table>
                  <caption>
                    {subject} – {t('decisions.historyCaption')}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('decisions.status')}</th>
                      <th scope="col">{t('decisions.date')}</th>
                      <th scope="col">{t('decisions.reference')}</th>
                      <th scope="col">{t('decisions.recorded')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {adoption.decisions.map((decision) => (
                      <tr key={decision.id}>
                        <th scope="row">{status(decision.status)}</th>
                        <td>{decision.decidedOn ? formatDate(locale, decision.decidedOn) : '–'}</td>
                        <td>
                          <ArchiveReference caseReference={decision.caseReference} recordUrl={decision.recordUrl} />
                        </td>
                        <td>
                          {decision.recordedBy
                            ? t('decisions.recordedBy', {
                                date: formatDate(locale, decision.recordedAt),
                                name: decision.recordedBy,
                              })
                            : formatDate(locale, decision.recordedAt)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </li>
        );
      })}
    </ul>
  );
}
