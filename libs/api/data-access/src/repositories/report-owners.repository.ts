import { Injectable } from '@nestjs/common';
import type { ReportState } from '@tiltak/domain';
import { DataSource } from 'typeorm';

/** One report someone owes: a row per owing user, with what a reminder needs to say. */
export interface OwedReport {
  reportId: string;
  roundId: string;
  roundName: string;
  /** YYYY-MM-DD */
  deadline: string;
  actionId: string;
  actionCode: string;
  actionTitle: string;
  /** Null: the action's own report; set: that municipality's own part. */
  municipalityId: string | null;
  municipalityName: string | null;
  state: ReportState;
  userId: string;
  userName: string;
  email: string;
  language: string;
}

/**
 * Who owes a report, the one rule every part of Tiltak uses (reminders, "my reports", completion):
 * - the action's own report: the active project leads named on the action or acting for its lead
 *   party; when there is none, the active coordinators of the action's municipalities;
 * - a municipality's part: the active coordinators of that municipality.
 * `owners` pairs each report `scope` selects (a FROM/WHERE over `round_report r`) with each of its
 * owners, whatever the report's or round's state. The scope comes first, so that the rule runs over
 * the reports asked about, not over every report ever opened.
 */
function ownersOf(scope: string): string {
  return `
  scoped AS (SELECT r.id, r.action_id, r.municipality_id FROM round_report r ${scope}),
  leads AS (
    SELECT r.id AS report_id, u.id AS user_id
      FROM scoped r
      JOIN app_user u ON u.active AND u.role = 'PROJECT_LEAD'
     WHERE r.municipality_id IS NULL
       AND (EXISTS (SELECT 1 FROM action_project_lead pl WHERE pl.action_id = r.action_id AND pl.user_id = u.id)
            OR EXISTS (SELECT 1 FROM involvement i
                        WHERE i.action_id = r.action_id AND i.role = 'LEAD' AND i.party_id = u.party_id))),
  owners AS (
    SELECT report_id, user_id FROM leads
    UNION
    SELECT r.id, u.id
      FROM scoped r
      JOIN participation p ON p.action_id = r.action_id
      JOIN app_user u ON u.active AND u.role = 'COORDINATOR' AND u.municipality_id = p.municipality_id
     WHERE r.municipality_id IS NULL AND NOT EXISTS (SELECT 1 FROM leads l WHERE l.report_id = r.id)
    UNION
    SELECT r.id, u.id
      FROM scoped r
      JOIN app_user u ON u.active AND u.role = 'COORDINATOR' AND u.municipality_id = r.municipality_id
     WHERE r.municipality_id IS NOT NULL)`;
}

/** The reports still owed (not submitted) in open rounds (`rounds`: all, or a condition on `rr`), one row per owing user. */
function owed(rounds: string): string {
  return `
  WITH ${ownersOf(`JOIN reporting_round rr ON rr.id = r.round_id WHERE rr.state = 'OPEN' AND r.state <> 'SUBMITTED' ${rounds}`)}
  SELECT r.id AS "reportId", rr.id AS "roundId", rr.name AS "roundName", rr.deadline::text AS deadline,
         a.id AS "actionId", a.code AS "actionCode", a.title AS "actionTitle",
         r.municipality_id AS "municipalityId", m.name AS "municipalityName", r.state,
         u.id AS "userId", u.name AS "userName", u.email, u.language
    FROM owners o
    JOIN round_report r ON r.id = o.report_id
    JOIN reporting_round rr ON rr.id = r.round_id
    JOIN action a ON a.id = r.action_id
    JOIN app_user u ON u.id = o.user_id
    LEFT JOIN municipality m ON m.id = r.municipality_id`;
}

const ORDER = `ORDER BY rr.deadline, rr.name, a.code, m.name NULLS FIRST, u.name`;

@Injectable()
export class ReportOwnersRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** What is owed in open rounds (all of them, or those named), deadline first. */
  owedReports(roundIds?: string[]): Promise<OwedReport[]> {
    return roundIds
      ? this.dataSource.query(`${owed('AND rr.id = ANY($1::uuid[])')} ${ORDER}`, [roundIds])
      : this.dataSource.query(`${owed('')} ${ORDER}`);
  }

  /** What one user owes in open rounds, deadline first. */
  owedBy(userId: string): Promise<OwedReport[]> {
    return this.dataSource.query(`${owed('')} WHERE u.id = $1 ${ORDER}`, [userId]);
  }

  /** The names of those who own each report (whether or not it is still owed), by report id. */
  async ownerNames(reportIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { reportId: string; name: string }[] = await this.dataSource.query(
      `WITH ${ownersOf('WHERE r.id = ANY($1::uuid[])')}
       SELECT o.report_id AS "reportId", u.name
         FROM owners o JOIN app_user u ON u.id = o.user_id
        ORDER BY u.name`,
      [reportIds],
    );
    const names = new Map<string, string[]>();
    for (const row of rows) names.set(row.reportId, [...(names.get(row.reportId) ?? []), row.name]);
    return names;
  }
}
