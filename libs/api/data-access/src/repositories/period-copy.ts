import { Injectable } from '@nestjs/common';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';

/** A row a revision copied into the new period, with the row it was copied from. */
export interface CopiedRow {
  id: string;
  fromId: string;
  actionId?: string;
}

/** From one period to the next: the old programme's id, the new one's, and the actions carried over. */
export interface PeriodCopy {
  fromProgrammeId: string;
  toProgrammeId: string;
}

/**
 * What a revision (rullering) copies from the ending period into the new one, one function per
 * table, each one set-based statement run in the revision's transaction. Focus areas go first
 * (actions find theirs by code), then the actions carried over, then their parts. A table that
 * hangs off an action or a programme adds its own function here and a call in the revision.
 */
@Injectable()
export class PeriodCopyRepository {
  /** The focus areas, with the same codes, names and order, under the same goals and innovation priorities. */
  focusAreas(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO focus_area (programme_id, code, name, description, goal_id, innovation_priority_id, sort_order)
       SELECT $2, f.code, f.name, f.description, f.goal_id, f.innovation_priority_id, f.sort_order
         FROM focus_area f WHERE f.programme_id = $1
       RETURNING id, (SELECT o.id FROM focus_area o WHERE o.programme_id = $1 AND o.code = focus_area.code) AS "fromId"`,
      [copy.fromProgrammeId, copy.toProgrammeId],
    );
  }

  /**
   * The actions carried over: new rows with the same code, pointing to their predecessor, in the
   * focus area of the same code. Their figures, budget and archive case start as the predecessor's latest.
   */
  actions(tx: WriteTransaction, copy: PeriodCopy, actionIds: readonly string[]): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO action (programme_id, focus_area_id, code, title, description, status, start_date, due_date,
                           manual_progress, progress, weight, health_override, health_override_comment, predecessor_id,
                           budget, case_reference, record_url)
       SELECT $2, nf.id, a.code, a.title, a.description, a.status, a.start_date, a.due_date,
              a.manual_progress, a.progress, a.weight, a.health_override, a.health_override_comment, a.id,
              a.budget, a.case_reference, a.record_url
         FROM action a
         JOIN focus_area f ON f.id = a.focus_area_id
         JOIN focus_area nf ON nf.programme_id = $2 AND nf.code = f.code
        WHERE a.programme_id = $1 AND a.id = ANY($3)
        ORDER BY a.id
       RETURNING id, predecessor_id AS "fromId"`,
      [copy.fromProgrammeId, copy.toProgrammeId, actionIds],
    );
  }

  /** The municipalities of each carried-over action, with their own latest figures and notes. */
  participations(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO participation (action_id, municipality_id, status, progress, note)
       SELECT na.id, p.municipality_id, p.status, p.progress, p.note
         FROM action na JOIN participation p ON p.action_id = na.predecessor_id
        WHERE na.programme_id = $1
       RETURNING action_id || ':' || municipality_id AS id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId],
    );
  }

  /** Who leads and takes part: parties belong to the region, so the same parties. */
  involvements(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO involvement (action_id, party_id, role, level)
       SELECT na.id, i.party_id, i.role, i.level
         FROM action na JOIN involvement i ON i.action_id = na.predecessor_id
        WHERE na.programme_id = $1
       RETURNING id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId],
    );
  }

  /** The named project leads. */
  projectLeads(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO action_project_lead (action_id, user_id)
       SELECT na.id, pl.user_id
         FROM action na JOIN action_project_lead pl ON pl.action_id = na.predecessor_id
        WHERE na.programme_id = $1
       RETURNING action_id || ':' || user_id AS id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId],
    );
  }

  /** The goals each carried-over action serves: goals belong to the strategy, which outlives the period. */
  actionGoals(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO action_goal (action_id, goal_id)
       SELECT na.id, g.goal_id
         FROM action na JOIN action_goal g ON g.action_id = na.predecessor_id
        WHERE na.programme_id = $1
       RETURNING action_id || ':' || goal_id AS id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId],
    );
  }

  /** The innovation-plan priorities each carried-over action serves, a replaced plan's included. */
  actionInnovationPriorities(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO action_innovation_priority (action_id, priority_id)
       SELECT na.id, p.priority_id
         FROM action na JOIN action_innovation_priority p ON p.action_id = na.predecessor_id
        WHERE na.programme_id = $1
       RETURNING action_id || ':' || priority_id AS id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId],
    );
  }

  /**
   * Funding lines of the new period's years (from its first year on): money planned, applied for
   * or granted for those years goes with the action; earlier years' lines stay in the period they
   * were spent in, so neither period counts another's years.
   */
  fundingLines(tx: WriteTransaction, copy: PeriodCopy, fromYear: number): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO funding_line (action_id, source, municipality_id, source_name, status, amount, year, reference)
       SELECT na.id, l.source, l.municipality_id, l.source_name, l.status, l.amount, l.year, l.reference
         FROM action na JOIN funding_line l ON l.action_id = na.predecessor_id
        WHERE na.programme_id = $1 AND l.year >= $2
        ORDER BY l.year, l.created_at, l.id
       RETURNING id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId, fromYear],
    );
  }

  /** Hours of own effort of the new period's years, by the same rule as funding lines. */
  effortEntries(tx: WriteTransaction, copy: PeriodCopy, fromYear: number): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO effort_entry (action_id, party_id, year, hours)
       SELECT na.id, e.party_id, e.year, e.hours
         FROM action na JOIN effort_entry e ON e.action_id = na.predecessor_id
        WHERE na.programme_id = $1 AND e.year >= $2
       RETURNING action_id || ':' || party_id || ':' || year AS id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId, fromYear],
    );
  }

  /** The milestones still open; completed ones stay with the predecessor, in the period they were reached. */
  openMilestones(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO milestone (action_id, title, due_date, weight)
       SELECT na.id, m.title, m.due_date, m.weight
         FROM action na JOIN milestone m ON m.action_id = na.predecessor_id
        WHERE na.programme_id = $1 AND m.completed_on IS NULL
        ORDER BY m.due_date, m.created_at, m.id
       RETURNING id, action_id AS "actionId", '' AS "fromId"`,
      [copy.toProgrammeId],
    );
  }

  /**
   * The indicators, without their values: the yearly values belong to the period they were
   * measured in and stay readable there; the new period measures from its own start.
   */
  indicators(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO indicator (programme_id, focus_area_id, name, unit, baseline, target, target_year,
                              source, source_reference, publication_lag_months, summable)
       SELECT $2, nf.id, i.name, i.unit, i.baseline, i.target, i.target_year,
              i.source, i.source_reference, i.publication_lag_months, i.summable
         FROM indicator i
         LEFT JOIN focus_area f ON f.id = i.focus_area_id
         LEFT JOIN focus_area nf ON nf.programme_id = $2 AND nf.code = f.code
        WHERE i.programme_id = $1
       RETURNING id, '' AS "fromId"`,
      [copy.fromProgrammeId, copy.toProgrammeId],
    );
  }

  /** Each municipality's adoption of the new period starts as proposed, with no decision yet. */
  adoptions(tx: WriteTransaction, copy: PeriodCopy, regionId: string): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO adoption (programme_id, municipality_id, focus_area_id, status, decided_on, case_reference)
       SELECT $1, m.id, NULL, 'PROPOSED', NULL, '' FROM municipality m WHERE m.region_id = $2 ORDER BY m.name
       RETURNING id, '' AS "fromId"`,
      [copy.toProgrammeId, regionId],
    );
  }

  /** The first entry of each new adoption's decision history: proposed, by whoever started the period. */
  adoptionDecisions(tx: WriteTransaction, copy: PeriodCopy): Promise<CopiedRow[]> {
    return rowsOf(
      tx,
      `INSERT INTO adoption_decision (adoption_id, status, decided_on, case_reference, recorded_by_name, recorded_by_user_id)
       SELECT a.id, a.status, a.decided_on, a.case_reference, $2, $3 FROM adoption a WHERE a.programme_id = $1
       RETURNING id, '' AS "fromId"`,
      [copy.toProgrammeId, tx.actor.name, tx.actor.userId],
    );
  }
}
