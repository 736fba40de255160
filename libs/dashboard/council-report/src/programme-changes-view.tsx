import { type ChangeKind, countOf, type ProgrammeChangeListsFragment } from '@tiltak/dashboard-data-access';
import { FORMAT_LOCALES, formatDate, type MessageKey, useI18n } from '@tiltak/dashboard-i18n';
import { Content, HealthTag } from '@tiltak/dashboard-ui';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';

/** An action named as everywhere else in the dashboard, "A1.2 Name", linking to its page. */
function ActionLink({ actionId, code, name }: { actionId: string; code: string; name?: string }) {
  return (
    <Link to={`/actions/${actionId}`}>
      {code}
      {name !== undefined && (
        <>
          {' '}
          <Content>{name}</Content>
        </>
      )}
    </Link>
  );
}

/** One kind of change: a heading that counts its entries, and the entries as a list under it. */
function KindSection({ kind, count, children }: { kind: ChangeKind; count: number; children: ReactNode }) {
  const { t } = useI18n();
  const id = useId();
  if (count === 0) return null;
  return (
    <section aria-labelledby={id} className="change-kind" data-kind={kind}>
      <h3 id={id}>{t(`councilReport.kind.${kind}` as MessageKey, { count })}</h3>
      <ul aria-labelledby={id} className="change-list">
        {children}
      </ul>
    </section>
  );
}

/**
 * Everything that changed between two moments, grouped by kind, each entry linking to its action:
 * what got worse and the new risks first, with what the action says about them.
 */
export function ProgrammeChangesView({ changes }: { changes: ProgrammeChangeListsFragment }) {
  const { t, locale } = useI18n();
  const date = (iso: string) => formatDate(locale, iso);
  const number = (value: number) =>
    new Intl.NumberFormat(FORMAT_LOCALES[locale], { maximumFractionDigits: 2 }).format(value);
  const status = (value: string) => t(`status.${value}` as MessageKey);
  const count = (kind: ChangeKind) => countOf(changes, kind);
  const health = (direction: 'WORSE' | 'BETTER') =>
    changes.healthChanges
      .filter((change) => change.direction === direction)
      .map((change) => (
        <li key={change.actionId}>
          <ActionLink {...change} />{' '}
          {t('councilReport.entry.health', {
            from: t(`health.${change.from}`),
            to: t(`health.${change.to}`),
          })}{' '}
          <HealthTag health={change.to} />
        </li>
      ));

  return (
    <div className="programme-changes">
      <KindSection kind="healthWorse" count={count('healthWorse')}>
        {health('WORSE')}
      </KindSection>
      <KindSection kind="newRisks" count={count('newRisks')}>
        {changes.newRisks.map((risk) => (
          <li key={risk.actionId}>
            <ActionLink {...risk} /> <HealthTag health={risk.health} />
            <p className="change-list__narrative">
              {risk.narrative ? <Content>{risk.narrative}</Content> : t('councilReport.entry.noNarrative')}
            </p>
          </li>
        ))}
      </KindSection>
      <KindSection kind="statusChanges" count={count('statusChanges')}>
        {changes.statusChanges.map((change) => (
          <li key={change.actionId}>
            <ActionLink {...change} />{' '}
            {t('councilReport.entry.status', { from: status(change.from), to: status(change.to) })}
          </li>
        ))}
      </KindSection>
      <KindSection kind="milestonesSlipped" count={count('milestonesSlipped')}>
        {changes.milestonesSlipped.map((slip) => (
          <li key={slip.milestoneId}>
            <ActionLink actionId={slip.actionId} code={slip.code} />{' '}
            {slip.reason === 'PASSED'
              ? t('councilReport.entry.PASSED', { title: slip.title, date: date(slip.toDueDate) })
              : t('councilReport.entry.MOVED', {
                  title: slip.title,
                  from: date(slip.fromDueDate),
                  to: date(slip.toDueDate),
                })}
          </li>
        ))}
      </KindSection>
      <KindSection kind="milestonesCompleted" count={count('milestonesCompleted')}>
        {changes.milestonesCompleted.map((done) => (
          <li key={done.milestoneId}>
            <ActionLink actionId={done.actionId} code={done.code} />{' '}
            {t('councilReport.entry.completed', { title: done.title, date: date(done.completedOn) })}
          </li>
        ))}
      </KindSection>
      <KindSection kind="healthBetter" count={count('healthBetter')}>
        {health('BETTER')}
      </KindSection>
      <KindSection kind="newActions" count={count('newActions')}>
        {changes.newActions.map((action) => (
          <li key={action.actionId}>
            <ActionLink {...action} />
          </li>
        ))}
      </KindSection>
      <KindSection kind="cancelledActions" count={count('cancelledActions')}>
        {changes.cancelledActions.map((action) => (
          <li key={action.actionId}>
            <ActionLink {...action} />
          </li>
        ))}
      </KindSection>
      <KindSection kind="indicatorValues" count={count('indicatorValues')}>
        {changes.indicatorValuesAdded.map((value) => (
          <li key={`${value.indicatorId}:${value.municipalityId}:${value.year}`}>
            <Content>{value.name}</Content>:{' '}
            {value.from === null
              ? t('councilReport.entry.indicatorNew', {
                  municipality: value.municipalityName,
                  year: String(value.year),
                  to: number(value.to),
                })
              : t('councilReport.entry.indicatorChanged', {
                  municipality: value.municipalityName,
                  year: String(value.year),
                  to: number(value.to),
                  from: number(value.from),
                })}
          </li>
        ))}
      </KindSection>
    </div>
  );
}
