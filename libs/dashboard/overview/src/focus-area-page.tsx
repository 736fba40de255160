import { useQuery } from '@apollo/client/react';
import { FocusAreaPageDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import {
  Content,
  FigureExplanation,
  FigureSummary,
  ProgressBar,
  StatusMessage,
  useContentLang,
} from '@tiltak/dashboard-ui';
import { Link, useParams } from 'react-router';
import { CellTable } from './cell-table';
import { FocusAreaGoal } from './focus-area-goal';
import { FocusAreaFunding } from './funding-summary';
import { Indicators } from './indicators';

/** `/focus-areas/:id`: one focus area's column of the matrix, and its indicators for the region as a whole. */
export function FocusAreaPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error } = useQuery(FocusAreaPageDocument, { variables: { id } });
  const focusArea = data?.focusArea;
  const contentLang = useContentLang();

  useDocumentTitle(focusArea?.name ?? t('overview.focusAreas'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!focusArea) return <h1>{t('place.notFound')}</h1>;
  const explanation = data.progressExplanation;
  const municipalityName = new Map(data.municipalities.map((m) => [m.id, m.name]));
  const cells = new Map(
    data.progressMatrix.filter((c) => c.focusAreaId === focusArea.id).map((c) => [c.municipalityId, c]),
  );

  return (
    <>
      <h1>
        <Content>{focusArea.name}</Content>
      </h1>
      <p lang={contentLang}>{focusArea.description}</p>
      <FocusAreaGoal focusAreaId={focusArea.id} />
      <p className="action__figures">
        {t('place.progress')}{' '}
        <ProgressBar value={focusArea.progress} text={formatPercent(locale, focusArea.progress)} />
      </p>
      <FigureSummary
        heading={t('figures.columnHeading', { focusArea: focusArea.name })}
        figures={explanation}
        acrossMunicipalities
      >
        <FigureExplanation
          label={t('figures.explain', { name: focusArea.name })}
          explanation={explanation}
          municipalityName={(municipalityId) => municipalityName.get(municipalityId) ?? ''}
        />
      </FigureSummary>
      <p>
        <Link to={`/actions?focusArea=${focusArea.id}`}>{t('place.actions', { name: focusArea.name })}</Link>
      </p>
      <CellTable
        caption={t('figures.byMunicipality')}
        axis={t('figures.municipality')}
        rows={data.municipalities.flatMap((m) => {
          const cell = cells.get(m.id);
          return cell
            ? [{ id: m.id, name: m.name, cell, href: `/actions?municipality=${m.id}&focusArea=${focusArea.id}` }]
            : [];
        })}
      />
      <FocusAreaFunding focusAreaId={focusArea.id} />
      <section aria-labelledby="indicators-title" className="panel">
        <h2 id="indicators-title">{t('place.indicators')}</h2>
        <Indicators indicators={data.indicators} />
      </section>
    </>
  );
}
