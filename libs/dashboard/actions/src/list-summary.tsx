import { useQuery } from '@apollo/client/react';
import { ProgressExplanationDocument } from '@tiltak/dashboard-data-access';
import { useI18n } from '@tiltak/dashboard-i18n';
import { FigureExplanation, FigureSummary } from '@tiltak/dashboard-ui';

/**
 * The figures above a list narrowed to a municipality, a focus area or both: those the overview
 * shows for the same cell, row or column, from the API's one explanation, with how they were made.
 */
export function ListSummary({
  municipality,
  focusArea,
  shown,
  filtered,
  municipalityName,
}: {
  municipality?: { id: string; name: string };
  focusArea?: { id: string; name: string };
  /** How many actions the list shows. */
  shown: number;
  /** Whether filters beyond municipality and focus area narrow the list further. */
  filtered: boolean;
  /** Names the municipality of each action's part when the figures span several. */
  municipalityName(id: string): string;
}) {
  const { t } = useI18n();
  const { data } = useQuery(ProgressExplanationDocument, {
    variables: { municipalityId: municipality?.id, focusAreaId: focusArea?.id },
  });
  const explanation = data?.progressExplanation;
  if (!explanation) return null;
  const heading =
    municipality && focusArea
      ? t('figures.cellHeading', { municipality: municipality.name, focusArea: focusArea.name })
      : municipality
        ? t('figures.rowHeading', { municipality: municipality.name })
        : t('figures.columnHeading', { focusArea: focusArea?.name ?? '' });
  const name = [municipality?.name, focusArea?.name].filter(Boolean).join(', ');
  return (
    <section aria-label={heading} className="list-summary">
      <FigureSummary heading={heading} figures={explanation} acrossMunicipalities={!municipality}>
        <p className="list-summary__note">
          {municipality ? t('figures.localNote') : t('figures.actionNote')}
          {filtered && ` ${t('figures.filtered', { shown })}`}
        </p>
        <FigureExplanation
          label={t('figures.explain', { name })}
          explanation={explanation}
          municipalityName={municipality ? undefined : municipalityName}
        />
      </FigureSummary>
    </section>
  );
}
