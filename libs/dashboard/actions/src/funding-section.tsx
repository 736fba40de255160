import { useMutation, useQuery } from '@apollo/client/react';
import {
  type ActionDetail,
  ActionFundingDocument,
  type ActionFundingQuery,
  DeleteFundingLineDocument,
  RecordFundingLineDocument,
  SetActionBudgetDocument,
  SetEffortHoursDocument,
} from '@tiltak/dashboard-data-access';
import { formatKroner, useI18n } from '@tiltak/dashboard-i18n';
import { OutcomeMessage } from '@tiltak/dashboard-ui';
import { FUNDING_SOURCES, FUNDING_STATUSES, type FundingSource, sourceNeedsName } from '@tiltak/domain';
import { type FormEvent, useId, useState } from 'react';
import { useChangeMessage } from './use-change-message';

/** The action's money, with its municipalities and parties as the action page already holds them. */
type Funded = NonNullable<ActionFundingQuery['action']> & Pick<ActionDetail, 'municipalities' | 'involvements'>;
type Line = Funded['fundingLines'][number];

const REFETCH = { refetchQueries: ['ActionFunding'], awaitRefetchQueries: true };
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/**
 * The action's money and own effort: its budget, its funding lines and the hours its parties put
 * in, with the forms for those the API lets change them. A signed-out visitor reads no money, so
 * the section is left out for them.
 */
export function FundingSection({ action: detail }: { action: ActionDetail }) {
  const { t, locale } = useI18n();
  const titleId = useId();
  const { data } = useQuery(ActionFundingDocument, { variables: { id: detail.id } });
  const { message, run } = useChangeMessage();
  const [deleteLine, deleting] = useMutation(DeleteFundingLineDocument, REFETCH);
  if (!data?.action) return null;
  const action: Funded = { ...data.action, municipalities: detail.municipalities, involvements: detail.involvements };

  const may = action.fundingAbilities;
  const kr = (value: number | null | undefined) => formatKroner(locale, value);
  const sourceOf = (line: Line) => {
    const source = t(`funding.source.${line.source}`);
    const name = line.municipality?.name ?? line.sourceName;
    return name ? t('funding.sourceWithName', { source, name }) : source;
  };
  const mayChange = (line: Line) =>
    line.source === 'MUNICIPALITY' ? may.municipalShares.includes(line.municipality?.id ?? '') : may.editFunding;
  const totals = action.fundingTotals;

  return (
    <section aria-labelledby={titleId} className="panel">
      <h2 id={titleId}>{t('funding.sectionTitle')}</h2>
      <p>
        {t('funding.budget')}: {action.budget === null ? t('funding.noBudget') : kr(action.budget)}
      </p>
      {may.editFunding && <BudgetForm action={action} />}
      <table className="cell-table">
        <caption>{t('funding.linesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('funding.source')}</th>
            <th scope="col">{t('funding.status')}</th>
            <th scope="col">{t('funding.amount')}</th>
            <th scope="col">{t('funding.year')}</th>
            <th scope="col">{t('funding.reference')}</th>
            {(may.editFunding || may.municipalShares.length > 0) && (
              <th scope="col">
                <span className="visually-hidden">{t('funding.delete')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {action.fundingLines.length === 0 && (
            <tr>
              <td colSpan={6}>{t('funding.noLines')}</td>
            </tr>
          )}
          {action.fundingLines.map((line) => (
            <tr key={line.id}>
              <th scope="row">{sourceOf(line)}</th>
              <td>{t(`funding.status.${line.status}`)}</td>
              <td>{kr(line.amount)}</td>
              <td>{line.year}</td>
              <td>{line.reference ?? '–'}</td>
              {(may.editFunding || may.municipalShares.length > 0) && (
                <td>
                  {mayChange(line) && (
                    <button
                      type="button"
                      className="button--destructive"
                      disabled={deleting.loading}
                      aria-label={t('funding.deleteLabel', { source: sourceOf(line), year: line.year })}
                      onClick={() =>
                        void run(
                          () =>
                            deleteLine({
                              variables: { input: { fundingLineId: line.id, expectedVersion: line.version } },
                            }),
                          t('funding.deleted'),
                        )
                      }
                    >
                      {t('funding.delete')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('funding.totals')}: {t('funding.granted')} {kr(totals.granted)} · {t('funding.applied')} {kr(totals.applied)}{' '}
        · {t('funding.planned')} {kr(totals.planned)} · {t('funding.refused')} {kr(totals.refused)}
      </p>
      <OutcomeMessage text={message?.text} refused={message?.refused} />
      {(may.editFunding || may.municipalShares.length > 0) && <LineForm action={action} />}
      <EffortPart action={action} />
    </section>
  );
}

function BudgetForm({ action }: { action: Funded }) {
  const { t } = useI18n();
  const fieldId = useId();
  const { message, run } = useChangeMessage();
  const [setBudget, saving] = useMutation(SetActionBudgetDocument, REFETCH);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const given = text(new FormData(event.currentTarget), 'budget');
    const budget = given === '' ? null : Number(given);
    void run(
      () => setBudget({ variables: { input: { actionId: action.id, expectedVersion: action.version, budget } } }),
      t('funding.budgetSaved'),
    );
  };
  return (
    <form className="stacked-form" onSubmit={submit}>
      <label htmlFor={fieldId}>{t('funding.budgetLabel')}</label>
      <input id={fieldId} name="budget" type="number" min={0} step={1} defaultValue={action.budget ?? ''} />
      <button type="submit" disabled={saving.loading}>
        {t('funding.saveBudget')}
      </button>
      <OutcomeMessage text={message?.text} refused={message?.refused} />
    </form>
  );
}

function LineForm({ action }: { action: Funded }) {
  const { t } = useI18n();
  const ids = { source: useId(), municipality: useId(), name: useId(), nameHint: useId(), status: useId() };
  const more = { amount: useId(), year: useId(), reference: useId(), title: useId() };
  const { message, run } = useChangeMessage();
  const [record, recording] = useMutation(RecordFundingLineDocument, REFETCH);
  const may = action.fundingAbilities;
  // A coordinator who may only record their municipality's share is offered that source alone.
  const sources = FUNDING_SOURCES.filter((source) =>
    source === 'MUNICIPALITY' ? may.municipalShares.length > 0 : may.editFunding,
  );
  const [source, setSource] = useState<FundingSource>(sources[0]);
  const municipalities = action.municipalities
    .map((m) => m.municipality)
    .filter((m) => may.municipalShares.includes(m.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      actionId: action.id,
      source,
      municipalityId: source === 'MUNICIPALITY' ? text(form, 'municipalityId') : null,
      sourceName: text(form, 'sourceName') || null,
      status: text(form, 'status') as (typeof FUNDING_STATUSES)[number],
      amount: Number(text(form, 'amount')),
      year: Number(text(form, 'year')),
      reference: text(form, 'reference') || null,
    };
    const target = event.currentTarget;
    void run(async () => {
      await record({ variables: { input } });
      target.reset();
    }, t('funding.recorded'));
  };

  return (
    <form className="stacked-form" onSubmit={submit} aria-labelledby={more.title}>
      <h3 id={more.title}>{t('funding.recordTitle')}</h3>
      <label htmlFor={ids.source}>{t('funding.source')}</label>
      <select id={ids.source} value={source} onChange={(event) => setSource(event.target.value as FundingSource)}>
        {sources.map((value) => (
          <option key={value} value={value}>
            {t(`funding.source.${value}`)}
          </option>
        ))}
      </select>
      {source === 'MUNICIPALITY' && (
        <>
          <label htmlFor={ids.municipality}>{t('funding.municipality')}</label>
          <select id={ids.municipality} name="municipalityId" required>
            {municipalities.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={ids.name}>{t('funding.sourceName')}</label>
      <input
        id={ids.name}
        name="sourceName"
        maxLength={200}
        required={sourceNeedsName(source)}
        aria-describedby={ids.nameHint}
      />
      <p id={ids.nameHint} className="hint">
        {t('funding.sourceNameHint')}
      </p>
      <label htmlFor={ids.status}>{t('funding.status')}</label>
      <select id={ids.status} name="status" defaultValue="PLANNED">
        {FUNDING_STATUSES.map((value) => (
          <option key={value} value={value}>
            {t(`funding.status.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor={more.amount}>{t('funding.amount')}</label>
      <input id={more.amount} name="amount" type="number" min={1} step={1} required />
      <label htmlFor={more.year}>{t('funding.year')}</label>
      <input
        id={more.year}
        name="year"
        type="number"
        min={2000}
        max={2100}
        step={1}
        required
        defaultValue={new Date().getFullYear()}
      />
      <label htmlFor={more.reference}>{t('funding.reference')}</label>
      <input id={more.reference} name="reference" maxLength={100} />
      <button type="submit" disabled={recording.loading}>
        {t('funding.record')}
      </button>
      <OutcomeMessage text={message?.text} refused={message?.refused} />
    </form>
  );
}

function EffortPart({ action }: { action: Funded }) {
  const { t } = useI18n();
  const ids = { party: useId(), year: useId(), hours: useId(), title: useId() };
  const { message, run } = useChangeMessage();
  const [setHours, saving] = useMutation(SetEffortHoursDocument, REFETCH);
  const parties = action.involvements
    .map((i) => i.party)
    .filter((party, index, all) => all.findIndex((p) => p.id === party.id) === index)
    .filter((party) => action.fundingAbilities.effortParties.includes(party.id));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const partyId = text(form, 'partyId');
    const year = Number(text(form, 'year'));
    const current = action.effort.find((entry) => entry.party.id === partyId && entry.year === year);
    void run(
      () =>
        setHours({
          variables: {
            input: {
              actionId: action.id,
              partyId,
              year,
              hours: Number(text(form, 'hours')),
              expectedVersion: current?.version,
            },
          },
        }),
      t('funding.hoursSaved'),
    );
  };

  return (
    <>
      <h3>{t('funding.effortTitle')}</h3>
      {action.effort.length === 0 ? (
        <p>{t('funding.noEffort')}</p>
      ) : (
        <table className="cell-table">
          <caption>{t('funding.effortCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('funding.party')}</th>
              <th scope="col">{t('funding.year')}</th>
              <th scope="col">{t('funding.hoursLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {action.effort.map((entry) => (
              <tr key={entry.id}>
                <th scope="row">{entry.party.name}</th>
                <td>{entry.year}</td>
                <td>{entry.hours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parties.length > 0 && (
        <form className="stacked-form" onSubmit={submit} aria-labelledby={ids.title}>
          <h4 id={ids.title}>{t('funding.recordHours')}</h4>
          <label htmlFor={ids.party}>{t('funding.party')}</label>
          <select id={ids.party} name="partyId">
            {parties.map((party) => (
              <option key={party.id} value={party.id}>
                {party.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.year}>{t('funding.year')}</label>
          <input
            id={ids.year}
            name="year"
            type="number"
            min={2000}
            max={2100}
            required
            defaultValue={new Date().getFullYear()}
          />
          <label htmlFor={ids.hours}>{t('funding.hoursLabel')}</label>
          <input id={ids.hours} name="hours" type="number" min={0} step={1} required />
          <button type="submit" disabled={saving.loading}>
            {t('funding.recordHours')}
          </button>
          <OutcomeMessage text={message?.text} refused={message?.refused} />
        </form>
      )}
    </>
  );
}
