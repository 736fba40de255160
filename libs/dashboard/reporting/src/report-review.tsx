import { useMutation } from '@apollo/client/react';
import { refusalOf, ReturnReportDocument } from '@tiltak/dashboard-data-access';
import { ReportArchive } from './report-archive';
import { useI18n } from '@tiltak/dashboard-i18n';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { RoundReport } from './round-page';

/**
 * A submitted report as its coordinator reads it, with the form that returns it to the one who
 * reported, with a comment they must be given. Focus starts at its heading when it opens.
 */
export function ReportReview({ report, onReturned }: { report: RoundReport; onReturned(): void }) {
  const { t } = useI18n();
  const [returnReport, { loading }] = useMutation(ReturnReportDocument);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const action = `${report.action.code} ${report.action.title}`;

  useEffect(() => heading.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRefused(null);
    if (!comment.trim()) {
      setMissing(true);
      commentField.current?.focus();
      return;
    }
    try {
      await returnReport({
        variables: { input: { reportId: report.id, expectedVersion: report.version, comment: comment.trim() } },
      });
      onReturned();
    } catch (error) {
      const refusal = refusalOf(error);
      setRefused(
        refusal.reason === 'other'
          ? t('report.refused', { reason: refusal.detail })
          : t(`refusal.${refusal.reason}`, { reason: refusal.detail }),
      );
    }
  };

  return (
    <div className="report-review">
      <h3 ref={heading} tabIndex={-1}>
        {t('round.reportTitle', { action })}
      </h3>
      <dl className="report-review__figures">
        {report.status && (
          <div>
            <dt>{t('report.status')}</dt>
            <dd>{t(`status.${report.status}`)}</dd>
          </div>
        )}
        {report.progress !== null && report.progress !== undefined && (
          <div>
            <dt>{t('figures.progressColumn')}</dt>
            <dd>{report.progress} %</dd>
          </div>
        )}
        {report.health && (
          <div>
            <dt>{t('report.health')}</dt>
            <dd>{t(`health.${report.health}`)}</dd>
          </div>
        )}
        <div>
          <dt>{t('round.narrative')}</dt>
          <dd className="report-review__narrative">{report.narrative || t('report.narrativeNone')}</dd>
        </div>
      </dl>
      <ReportArchive report={report} action={action} />
      {report.viewerCanReturn && (
        <form onSubmit={(event) => void submit(event)} className="stacked-form" noValidate>
          <label htmlFor={`${id}-comment`}>{t('round.returnComment')}</label>
          <p id={`${id}-hint`} className="hint">
            {t('round.returnCommentHint')}
          </p>
          <textarea
            id={`${id}-comment`}
            ref={commentField}
            rows={3}
            maxLength={2000}
            required
            value={comment}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-hint ${id}-missing` : `${id}-hint`}
            onChange={(event) => {
              setComment(event.target.value);
              if (event.target.value.trim()) setMissing(false);
            }}
          />
          {missing && (
            <p id={`${id}-missing`} className="status--error">
              {t('round.returnCommentMissing')}
            </p>
          )}
          {refused && (
            <p role="alert" className="status--error">
              {refused}
            </p>
          )}
          <button type="submit" disabled={loading}>
            {t('round.return')}
          </button>
        </form>
      )}
    </div>
  );
}
