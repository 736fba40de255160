import { formatPercent, useI18n } from '@tiltak/dashboard-i18n';
import type { ReactNode } from 'react';

/** The figures of a matrix cell, a row, a column or the programme: what a drill-down must repeat. */
export interface Figures {
  actionCount: number;
  byHealth: { onTrack: number; atRisk: number; offTrack: number };
  overdueMilestones: number;
  progress: number | null;
}

/**
 * The figures in one machine-readable word, put on every element that shows them
 * (`data-figures`), so a test can hold a cell and the list behind it to the same numbers.
 */
export function figuresKey(figures: Figures): string {
  const { actionCount, byHealth, overdueMilestones, progress } = figures;
  return [actionCount, byHealth.onTrack, byHealth.atRisk, byHealth.offTrack, overdueMilestones, progress ?? '–'].join(
    '|',
  );
}

/**
 * One line with the count of actions, their health in words, overdue milestones and progress: the
 * same figures the overview shows for the same cell, row, column or programme.
 */
export function FigureSummary({
  heading,
  figures,
  acrossMunicipalities = false,
  children,
}: {
  heading: ReactNode;
  figures: Figures;
  /**
   * For a column or the programme, where an action that concerns several municipalities is counted
   * once in each, as the cells count it: the count then says so.
   */
  acrossMunicipalities?: boolean;
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { actionCount, byHealth, overdueMilestones, progress } = figures;
  return (
    <div className="figure-summary" data-figures={figuresKey(figures)}>
      <p>
        <span className="figure-summary__heading">{heading}</span>{' '}
        <span className="figure-summary__figures">
          {[
            t(acrossMunicipalities ? 'figures.actionsAcross' : 'figures.actions', { count: actionCount }),
            t('figures.onTrack', { count: byHealth.onTrack }),
            t('figures.atRisk', { count: byHealth.atRisk }),
            t('figures.offTrack', { count: byHealth.offTrack }),
            t('figures.overdue', { count: overdueMilestones }),
            t('figures.progress', { progress: formatPercent(locale, progress) }),
          ].join(' · ')}
        </span>
      </p>
      {acrossMunicipalities && <p>{t('figures.acrossNote')}</p>}
      {children}
    </div>
  );
}
