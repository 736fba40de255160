import { Injectable } from '@nestjs/common';
import type { ActionScope } from '@tiltak/domain';
import { DataSource } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';

/**
 * The report a link is for, with what the rules need: the round (open? closing when?), the
 * action's scope for the permission check, and what the partner may see.
 */
export interface ReportLinkTarget {
  reportId: string;
  reportState: string;
  reportVersion: number;
  status: string | null;
  progress: number | null;
  health: string | null;
  narrative: string;
  roundId: string;
  roundName: string;
  deadline: string;
  roundState: string;
  /** The end of deadline + grace days, Oslo time. */
  closesAt: Date;
  programmeId: string;
  actionId: string;
  actionCode: string;
  actionTitle: string;
  actionDescription: string;
  /** Progress then comes from the milestones, not from a figure typed in the report. */
  hasMilestones: boolean;
  municipalityId: string | null;
  municipalityName: string | null;
  scope: ActionScope;
}

export interface ReportLinkRow {
  id: string;
  reportId: string;
  recipientName: string;
  recipientEmail: string;
  partyId: string | null;
  sentByUserId: string;
  sentByName: string;
  sentFor: string;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

export type NewReportLink = Omit<ReportLinkRow, 'id' | 'revokedAt' | 'revokedByName' | 'lastUsedAt' | 'createdAt'> & {
  tokenHash: string;
  createdAt: Date;
};

/** Whom a sender acts for, to name in the history: their municipality, their party, or the region. */
export interface LinkSenderRow {
  name: string;
  municipalityName: string | null;
  partyName: string | null;
  regionName: string;
}

export interface PartyContactRow {
  contactName: string | null;
  contactEmail: string | null;
}

export interface LeadContactRow {
  partyId: string;
  partyName: string;
  contactName: string | null;
  contactEmail: string | null;
}

export interface OpenMilestoneRow {
  id: string;
  title: string;
  dueDate: string;
}

const LINK_COLUMNS = `l.id, l.report_id AS "reportId", l.recipient_name AS "recipientName",
  l.recipient_email AS "recipientEmail", l.party_id AS "partyId", l.sent_by_user_id AS "sentByUserId",
  l.sent_by_name AS "sentByName", l.sent_for AS "sentFor", l.expires_at AS "expiresAt",
  l.revoked_at AS "revokedAt", l.revoked_by_name AS "revokedByName", l.last_used_at AS "lastUsedAt",
  l.created_at AS "createdAt"`;

/** The round closes at local midnight after deadline + grace days (the contract's one rule). */
const TARGET = `
  SELECT rr.id AS "reportId", rr.state AS "reportState", rr.version AS "reportVersion", rr.status, rr.progress,
         rr.health, rr.narrative, r.id AS "roundId", r.name AS "roundName", to_char(r.deadline, 'YYYY-MM-DD') AS deadline,
         r.state AS "roundState",
         ((r.deadline + r.grace_days + 1)::timestamp AT TIME ZONE 'Europe/Oslo') AS "closesAt",
         a.programme_id AS "programmeId", a.id AS "actionId", a.code AS "actionCode", a.title AS "actionTitle",
         a.description AS "actionDescription",
         EXISTS (SELECT 1 FROM milestone ms WHERE ms.action_id = a.id) AS "hasMilestones",
         rr.municipality_id AS "municipalityId", m.name AS "municipalityName",
         json_build_object(
           'municipalityIds', (SELECT coalesce(json_agg(p.municipality_id ORDER BY p.municipality_id), '[]')
                                 FROM participation p WHERE p.action_id = a.id),
           'leadPartyId', (SELECT i.party_id FROM involvement i WHERE i.action_id = a.id AND i.role = 'LEAD' LIMIT 1),
           'projectLeadUserIds', (SELECT coalesce(json_agg(pl.user_id ORDER BY pl.user_id), '[]')
                                    FROM action_project_lead pl WHERE pl.action_id = a.id),
           -- concernsWholeRegion in libs/domain: every municipality of the region, and more than one.
           'regional', (SELECT count(*) > 1 AND bool_and(EXISTS (SELECT 1 FROM participation rp
                                                               WHERE rp.action_id = a.id AND rp.municipality_id = rm.id))
                          FROM programme pg JOIN municipality rm ON rm.region_id = pg.region_id
                         WHERE pg.id = a.programme_id)
         ) AS scope
    FROM round_report rr
    JOIN reporting_round r ON r.id = rr.round_id
    JOIN action a ON a.id = rr.action_id
    LEFT JOIN municipality m ON m.id = rr.municipality_id`;

/** Report links: the rows, and the report each is for. Only the token's hash ever reaches the database. */
@Injectable()
export class ReportLinkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async target(reportId: string): Promise<ReportLinkTarget | null> {
    const rows: ReportLinkTarget[] = await this.dataSource.query(`${TARGET} WHERE rr.id = $1`, [reportId]);
    return rows[0] ?? null;
  }

  /** The action's reports in open rounds, earliest deadline first. */
  openReportsOfAction(actionId: string): Promise<ReportLinkTarget[]> {
    return this.dataSource.query(
      `${TARGET} WHERE rr.action_id = $1 AND r.state = 'OPEN' ORDER BY r.deadline, m.name NULLS FIRST, rr.id`,
      [actionId],
    );
  }

  /** The party leading the action, with its contact person. */
  async leadContact(actionId: string): Promise<LeadContactRow | null> {
    const rows: LeadContactRow[] = await this.dataSource.query(
      `SELECT p.id AS "partyId", p.name AS "partyName", p.contact_name AS "contactName", p.contact_email AS "contactEmail"
         FROM involvement i JOIN party p ON p.id = i.party_id
        WHERE i.action_id = $1 AND i.role = 'LEAD'`,
      [actionId],
    );
    return rows[0] ?? null;
  }

  /** The link a token's hash names, with its report; null for a hash no link has. */
  async byTokenHash(tokenHash: string): Promise<{ link: ReportLinkRow; target: ReportLinkTarget } | null> {
    const rows: (ReportLinkRow & { target: ReportLinkTarget })[] = await this.dataSource.query(
      `SELECT ${LINK_COLUMNS}, (SELECT row_to_json(t) FROM (${TARGET} WHERE rr.id = l.report_id) t) AS target
         FROM report_link l WHERE l.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    const { target, ...link } = row;
    // row_to_json turns the timestamp into text.
    return { link, target: { ...target, closesAt: new Date(target.closesAt) } };
  }

  async byId(linkId: string): Promise<ReportLinkRow | null> {
    const rows: ReportLinkRow[] = await this.dataSource.query(
      `SELECT ${LINK_COLUMNS} FROM report_link l WHERE l.id = $1`,
      [linkId],
    );
    return rows[0] ?? null;
  }

  /** Every link sent for a report, newest first. */
  ofReport(reportId: string): Promise<ReportLinkRow[]> {
    return this.dataSource.query(
      `SELECT ${LINK_COLUMNS} FROM report_link l WHERE l.report_id = $1 ORDER BY l.created_at DESC, l.id`,
      [reportId],
    );
  }

  async insert(tx: WriteTransaction, link: NewReportLink): Promise<ReportLinkRow> {
    const [row] = await rowsOf<ReportLinkRow>(
      tx,
      `INSERT INTO report_link AS l (report_id, token_hash, recipient_name, recipient_email, party_id, sent_by_user_id,
                                     sent_by_name, sent_for, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${LINK_COLUMNS}`,
      [
        link.reportId,
        link.tokenHash,
        link.recipientName,
        link.recipientEmail,
        link.partyId,
        link.sentByUserId,
        link.sentByName,
        link.sentFor,
        link.expiresAt,
        link.createdAt,
      ],
    );
    return row;
  }

  /** Revokes a link not yet revoked; null when it was revoked already (the first revocation stands). */
  async revoke(tx: WriteTransaction, linkId: string, byName: string, at: Date): Promise<ReportLinkRow | null> {
    const rows = await rowsOf<ReportLinkRow>(
      tx,
      `UPDATE report_link AS l SET revoked_at = $2, revoked_by_name = $3
        WHERE l.id = $1 AND l.revoked_at IS NULL RETURNING ${LINK_COLUMNS}`,
      [linkId, at, byName],
    );
    return rows[0] ?? null;
  }

  /**
   * Runs `work` while holding a share lock on the link's row, given the link as it is now. A
   * revocation (an UPDATE of the row) waits until the work is done, and work that starts after a
   * revocation sees it: no save gets through a link withdrawn a moment before.
   */
  whileHeld<T>(linkId: string, work: (link: { expiresAt: Date; revokedAt: Date | null }) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [link] = (await manager.query(
        `SELECT expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM report_link WHERE id = $1 FOR SHARE`,
        [linkId],
      )) as { expiresAt: Date; revokedAt: Date | null }[];
      return work(link);
    });
  }

  /** When the link was last opened or used: bookkeeping for the sender, not a change to the programme. */
  async markUsed(linkId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE report_link SET last_used_at = $2 WHERE id = $1`, [linkId, at]);
  }

  async sender(userId: string, programmeId: string): Promise<LinkSenderRow | null> {
    const rows: LinkSenderRow[] = await this.dataSource.query(
      `SELECT u.name, m.name AS "municipalityName", p.name AS "partyName", rg.name AS "regionName"
         FROM app_user u
         JOIN programme pr ON pr.id = $2
         JOIN region rg ON rg.id = pr.region_id
         LEFT JOIN municipality m ON m.id = u.municipality_id
         LEFT JOIN party p ON p.id = u.party_id
        WHERE u.id = $1`,
      [userId, programmeId],
    );
    return rows[0] ?? null;
  }

  /** A party's contact person, when the party is one of the programme's region. */
  async partyContact(partyId: string, programmeId: string): Promise<PartyContactRow | null> {
    const rows: PartyContactRow[] = await this.dataSource.query(
      `SELECT contact_name AS "contactName", contact_email AS "contactEmail" FROM party
        WHERE id = $1 AND region_id = (SELECT region_id FROM programme WHERE id = $2)`,
      [partyId, programmeId],
    );
    return rows[0] ?? null;
  }

  /** The action's milestones not yet completed, by due date: those a partner may complete. */
  openMilestones(actionId: string): Promise<OpenMilestoneRow[]> {
    return this.dataSource.query(
      `SELECT id, title, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM milestone
        WHERE action_id = $1 AND completed_on IS NULL ORDER BY due_date, title, id`,
      [actionId],
    );
  }
}
