import { useQuery } from '@apollo/client/react';
import {
  ActionsDocument,
  type ActionFilter,
  type ActionRow,
  type ActionStatus,
  type Health,
  PartyFilterChoicesDocument,
  ProgressExplanationDocument,
  ProgrammeFrameDocument,
} from '@tiltak/dashboard-data-access';
import { useDocumentTitle, useI18n } from '@tiltak/dashboard-i18n';
import { ActionTable, StatusMessage, useContentLang } from '@tiltak/dashboard-ui';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ACTION_STATUSES, HEALTHS, worseHealthFirst } from '@tiltak/domain';
import { ListSummary } from './list-summary';

const SORTS = ['code', 'progress', 'dueDate', 'health'] as const;
type Sort = (typeof SORTS)[number];

/** The API answers in code order; the other orders are applied to the page in hand. */
function sorted(actions: ActionRow[], sort: Sort): ActionRow[] {
  const by: Record<Sort, (a: ActionRow, b: ActionRow) => number> = {
    code: () => 0,
    progress: (a, b) => a.progress - b.progress,
    dueDate: (a, b) => a.dueDate.localeCompare(b.dueDate),
    health: (a, b) => worseHealthFirst(a.health, b.health),
  };
  return [...actions].sort(by[sort]);
}

/** The filter lives in the address, so a filtered list can be bookmarked and shared. */
function filterFrom(params: URLSearchParams): ActionFilter {
  const list = (name: string) => params.getAll(name).filter(Boolean);
  return {
    ...(list('municipality').length && { municipalityIds: list('municipality') }),
    ...(list('focusArea').length && { focusAreaIds: list('focusArea') }),
    ...(list('status').length && { statuses: list('status') as ActionStatus[] }),
    ...(list('health').length && { healths: list('health') as Health[] }),
    ...(list('party').length && { partyIds: list('party') }),
    ...(params.get('overdue') === 'true' && { overdue: true }),
    ...(params.get('q') && { text: params.get('q') as string }),
  };
}

type LocalFigures = Pick<ActionRow, 'status' | 'progress' | 'health'>;

/**
 * The action as one municipality sees it: the figures the summary above the list adds up (the
 * explanation's parts, the municipality's own status, progress and health where it set them), so
 * a row and the summary can never disagree.
 */
function inMunicipality(action: ActionRow, local: ReadonlyMap<string, LocalFigures> | null): ActionRow {
  const own = local?.get(action.id);
  return own ? { ...action, status: own.status, progress: own.progress, health: own.health } : action;
}

/** `/actions`: the programme's actions, filtered by municipality, focus area, party, status, health, lateness and text. */
export function ActionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => filterFrom(params), [params]);
  const sort: Sort = SORTS.find((value) => value === params.get('sort')) ?? 'code';
  const { data, error } = useQuery(ActionsDocument, { variables: { filter, first: 100 } });
  const frame = useQuery(ProgrammeFrameDocument).data;
  const parties = useQuery(PartyFilterChoicesDocument).data?.parties;
  const contentLang = useContentLang();
  const municipalityId = params.get('municipality');
  const municipality = frame?.municipalities.find((m) => m.id === municipalityId);
  const focusArea = frame?.focusAreas.find((f) => f.id === params.get('focusArea'));
  // The same query the summary makes, so Apollo asks once.
  const explanation = useQuery(ProgressExplanationDocument, {
    variables: { municipalityId: municipality?.id, focusAreaId: focusArea?.id },
    skip: !municipality,
  }).data?.progressExplanation;
  const local = useMemo(
    () =>
      explanation && municipality
        ? new Map(
            explanation.contributions
              .filter((part) => part.municipalityId === municipality.id)
              .map((part) => [part.actionId, part]),
          )
        : null,
    [explanation, municipality],
  );

  useDocumentTitle(t('actions.pageTitle'));

  const choose = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    next.delete(name);
    if (value) next.set(name, value);
    setParams(next);
  };

  return (
    <>
      <h1>{t('actions.title')}</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <label>
          {t('overview.municipalities')}
          <select value={params.get('municipality') ?? ''} onChange={(e) => choose('municipality', e.target.value)}>
            <option value="">–</option>
            {frame?.municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('overview.focusAreas')}
          <select value={params.get('focusArea') ?? ''} onChange={(e) => choose('focusArea', e.target.value)}>
            <option value="">–</option>
            {frame?.focusAreas.map((f) => (
              <option key={f.id} value={f.id} lang={contentLang}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.party')}
          <select value={params.get('party') ?? ''} onChange={(e) => choose('party', e.target.value)}>
            <option value="">–</option>
            {parties?.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.status')}
          <select value={params.get('status') ?? ''} onChange={(e) => choose('status', e.target.value)}>
            <option value="">–</option>
            {ACTION_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.health')}
          <select value={params.get('health') ?? ''} onChange={(e) => choose('health', e.target.value)}>
            <option value="">–</option>
            {HEALTHS.map((health) => (
              <option key={health} value={health}>
                {t(`health.${health}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__check">
          <input
            type="checkbox"
            checked={params.get('overdue') === 'true'}
            onChange={(e) => choose('overdue', e.target.checked ? 'true' : '')}
          />
          {t('actions.overdueOnly')}
        </label>
        <label>
          {t('actions.sort')}
          <select value={sort} onChange={(e) => choose('sort', e.target.value === 'code' ? '' : e.target.value)}>
            {SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`actions.sort.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.search')}
          <input type="search" defaultValue={params.get('q') ?? ''} onChange={(e) => choose('q', e.target.value)} />
        </label>
        <p>
          <Link to="/actions">{t('actions.clearFilters')}</Link>
        </p>
      </form>
      {error && !data && <StatusMessage kind="error">{t('status.error')}</StatusMessage>}
      {!data && !error && <StatusMessage kind="loading">{t('status.loading')}</StatusMessage>}
      {data && (
        <>
          {(municipality || focusArea) && (
            <ListSummary
              municipality={municipality}
              focusArea={focusArea}
              shown={data.actions.totalCount}
              filtered={['status', 'health', 'overdue', 'q', 'party'].some((name) => params.get(name))}
              municipalityName={(id) => frame?.municipalities.find((m) => m.id === id)?.name ?? ''}
            />
          )}
          <p role="status">{t('actions.count', { count: data.actions.totalCount })}</p>
          {data.actions.totalCount === 0 ? (
            <p>{t('actions.none')}</p>
          ) : (
            <ActionTable
              caption={t('actions.title')}
              rows={sorted(
                data.actions.edges.map((edge) => inMunicipality(edge.node, local)),
                sort,
              ).map((node) => ({
                ...node,
                context: [node.focusArea.name, node.lead?.party.name].filter(Boolean).join(' · '),
              }))}
            />
          )}
        </>
      )}
    </>
  );
}
