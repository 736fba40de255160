import { useQuery } from '@apollo/client/react';
import { MunicipalityPageDocument, ProgressExplanationDocument } from '@tiltak/dashboard-data-access';
import { formatPercent, useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { Content, FigureExplanation, FigureSummary, ProgressBar, StatusMessage } from '@tiltak/dashboard-ui';
import { Link, useParams } from 'react-router';
import { AdoptionDecisions } from './adoption-decisions';
import { CellTable } from './cell-table';
import { MunicipalityFunding } from './funding-summary';
import { Indicators } from './indicators';

/** `/municipalities/:slug`: one municipality's row of the matrix, its political decisions and indicators. */
export function MunicipalityPage() {
  const { slug = '' } = useParams();
  const { t, locale } = useI18n();
  const { data, error } = useQuery(MunicipalityPageDocument, { variables: { slug } });
  const municipality = data?.municipality;
  const explanation = useQuery(ProgressExplanationDocument, {
    variables: { municipalityId: municipality?.id },
    skip: !municipality,
  }).data?.progressExplanation;

  useDocumentTitle(municipality?.name ?? t('overview.municipalities'));

  if (error && !data) return <StatusMessage kind="error">{t('status.error')}</StatusMessage>;
  if (!data) return <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>;
  if (!municipality) return <h1>{t('place.notFound')}</h1>;
  const focusAreaName = new Map(data.focusAreas.map((f) => [f.id, f.name]));
  const decisions = data.adoptions.filter((a) => a.municipalityId === municipality.id);
  const cells = new Map(
    data.progressMatrix.filter((c) => c.municipalityId === municipality.id).map((c) => [c.focusAreaId, c]),
  );

  return (
    <>
      <h1>{municipality.name}</h1>
      <p className="action__figures">
        {t('place.progress')}{' '}
        <ProgressBar value={municipality.progress} text={formatPercent(locale, municipality.progress)} />
      </p>
      {explanation && (
        <FigureSummary heading={t('figures.rowHeading', { municipality: municipality.name })} figures={explanation}>
          <FigureExplanation label={t('figures.explain', { name: municipality.name })} explanation={explanation} />
        </FigureSummary>
      )}
      <p>
        <Link to={`/actions?municipality=${municipality.id}`}>{t('place.actions', { name: municipality.name })}</Link>
      </p>
      <CellTable
        caption={t('figures.byFocusArea')}
        axis={t('figures.focusArea')}
        rows={data.focusAreas.flatMap((f) => {
          const cell = cells.get(f.id);
          return cell
            ? [{ id: f.id, name: f.name, cell, href: `/actions?municipality=${municipality.id}&focusArea=${f.id}` }]
            : [];
        })}
      />
      <MunicipalityFunding slug={slug} name={municipality.name} />
      <section aria-labelledby="decisions-title" className="panel">
        <h2 id="decisions-title">{t('place.decisions')}</h2>
        {decisions.length === 0 ? (
          <p>{t('place.noDecisions')}</p>
        ) : (
          <AdoptionDecisions
            adoptions={decisions}
            subjectName={(focusAreaId) =>
              focusAreaId ? <Content>{focusAreaName.get(focusAreaId)}</Content> : t('place.wholeProgramme')
            }
          />
        )}
      </section>
      <section aria-labelledby="indicators-title" className="panel">
        <h2 id="indicators-title">{t('place.indicators')}</h2>
        <Indicators indicators={data.indicators} municipalityId={municipality.id} />
      </section>
    </>
  );
}
