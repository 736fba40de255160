import { addDays, assessHealth, type ReportState } from '@tiltak/domain';
import { type EntityManager, IsNull } from 'typeorm';
import { ActionEntity, ReportingRoundEntity, RoundReportEntity } from '../entities';

interface DemoReport {
  action: string;
  /** A municipality's own part; left out, the action's own report. */
  municipality?: string;
  state: Exclude<ReportState, 'NOT_STARTED'>;
  narrative: string;
  submittedBy?: string;
  /** Days before the load date it was submitted. */
  daysAgo?: number;
  returned?: { by: string; comment: string };
}

/** How far ahead of the load date the demo round's deadline lies, so the pages have a live round to show. */
const DEADLINE_IN_DAYS = 14;

const DEMO_REPORTS: DemoReport[] = [
  {
    action: 'BIO-3',
    state: 'SUBMITTED',
    submittedBy: 'Næringskoordinator i Nes',
    daysAgo: 3,
    narrative:
      'Avtalene med de to første gårdsbrukene er på plass, og utstyret er bestilt. Montering er planlagt etter nyttår.',
  },
  {
    action: 'KRE-3',
    state: 'SUBMITTED',
    submittedBy: 'Næringskoordinator i Eidsvoll',
    daysAgo: 2,
    narrative: 'Lokalene er leid, og seks virksomheter har meldt seg som leietakere fra februar.',
  },
  {
    action: 'BIO-4',
    municipality: 'eidsvoll',
    state: 'SUBMITTED',
    submittedBy: 'Næringskoordinator i Eidsvoll',
    daysAgo: 1,
    narrative: 'Fire produsenter fra Eidsvoll bruker merket i butikk. Vi følger opp to til før jul.',
  },
  {
    action: 'LOG-1',
    state: 'DRAFT',
    narrative: 'Nettverket har hatt to samlinger i høst. (Utkast: tall for deltakelse kommer.)',
  },
  {
    action: 'LOG-5',
    state: 'RETURNED',
    submittedBy: 'Prosjektleder i næringsrådet',
    daysAgo: 4,
    narrative: 'Konferansen er gjennomført.',
    returned: {
      by: 'Næringskoordinator i Nes',
      comment: 'Kan du skrive litt om hvor mange som deltok, og hva dere tar med dere til neste år?',
    },
  },
];

/** "3. tertial 2026": the tertial (four months) the date falls in. */
function tertialOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${Math.ceil(month / 4)}. tertial ${date.slice(0, 4)}`;
}

/**
 * One open reporting round in the demo, due a couple of weeks after the load date, with a report
 * for every action under way (and each municipality's own part), a few of them submitted, one draft
 * and one returned. The submitted figures are the actions' own as loaded, as a submission leaves them.
 */
export async function loadDemoRound(manager: EntityManager, programmeId: string, today: string, now: Date) {
  const round = await manager.save(
    manager.create(ReportingRoundEntity, {
      programmeId,
      name: tertialOf(today),
      deadline: addDays(today, DEADLINE_IN_DAYS),
      graceDays: 7,
      reminderDaysBefore: [7, 1],
      reminderDaysAfter: [1],
      state: 'OPEN',
      openedAt: new Date(now.getTime() - 5 * 86_400_000),
      openedByName: 'Tiltak-administrator',
    }),
  );
  await manager.query(
    `INSERT INTO round_report (round_id, action_id)
     SELECT $1, id FROM action
      WHERE programme_id = $2 AND (status = 'IN_PROGRESS' OR (status = 'NOT_STARTED' AND start_date <= $3))`,
    [round.id, programmeId, today],
  );
  await manager.query(
    `INSERT INTO round_report (round_id, action_id, municipality_id)
     SELECT r.round_id, p.action_id, p.municipality_id
       FROM round_report r JOIN participation p ON p.action_id = r.action_id
      WHERE r.round_id = $1 AND (p.status IS NOT NULL OR p.progress IS NOT NULL)`,
    [round.id],
  );
  for (const demo of DEMO_REPORTS) {
    const action = await manager.findOneByOrFail(ActionEntity, { programmeId, code: demo.action });
    const [part]: { id: string; status: string | null; progress: number | null }[] = demo.municipality
      ? await manager.query(
          `SELECT p.municipality_id AS id, p.status, p.progress FROM participation p
             JOIN municipality m ON m.id = p.municipality_id WHERE p.action_id = $1 AND m.slug = $2`,
          [action.id, demo.municipality],
        )
      : [];
    const status = (part?.status ?? action.status) as ActionEntity['status'];
    const progress = part?.progress ?? action.progress;
    const health =
      (part ? null : action.healthOverride) ??
      assessHealth({ status, progress, startDate: action.startDate, dueDate: action.dueDate, today }).health;
    const submittedAt = demo.daysAgo === undefined ? null : new Date(now.getTime() - demo.daysAgo * 86_400_000);
    await manager.update(
      RoundReportEntity,
      { roundId: round.id, actionId: action.id, municipalityId: part ? part.id : IsNull() },
      {
        state: demo.state,
        status,
        progress,
        health,
        narrative: demo.narrative,
        submittedAt,
        submittedByName: demo.submittedBy ?? null,
        returnComment: demo.returned?.comment ?? null,
        returnedAt: demo.returned ? now : null,
        returnedByName: demo.returned?.by ?? null,
      },
    );
  }
  return round;
}
