import { Injectable } from '@nestjs/common';
import { type HealthCounts, osloDate, type SnapshotDocument, type SnapshotTrigger } from '@tiltak/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { managerOf, type WriteTransaction } from '../change-log/write-transaction';
import { ChangeLogRepository } from './change-log.repository';
import { ProgressRepository } from './progress.repository';
import { SnapshotBuilder } from './snapshot-builder';

/** A snapshot as stored: when, why and by whom it was taken, and the frozen document. */
export interface StoredSnapshot {
  id: string;
  programmeId: string;
  title: string;
  trigger: SnapshotTrigger;
  roundId: string | null;
  roundName: string | null;
  takenAt: Date;
  takenBy: string | null;
  document: SnapshotDocument;
}

/** A snapshot for lists: its figures at a glance, without the document. */
export type SnapshotSummary = Omit<StoredSnapshot, 'document'> & {
  asOf: string;
  progress: number | null;
  byHealth: HealthCounts;
  actionCount: number;
};

export interface NewSnapshot {
  /** The period pictured; the write's own by default (a revision writes in the new period and pictures the old). */
  programmeId?: string;
  title: string;
  trigger: SnapshotTrigger;
  roundId: string | null;
  takenBy: string | null;
  now: Date;
}

const HEAD = `s.id, s.programme_id AS "programmeId", s.title, s.trigger, s.round_id AS "roundId",
  r.name AS "roundName", s.taken_at AS "takenAt", s.taken_by AS "takenBy"`;
const FROM = `FROM council_snapshot s LEFT JOIN reporting_round r ON r.id = s.round_id`;
/** Newest first; snapshots taken in the same instant keep one order by id. */
const NEWEST_FIRST = `ORDER BY s.taken_at DESC, s.id DESC`;

/** Council snapshots: taken inside a write, read by id, by programme, and one before another. */
@Injectable()
export class SnapshotRepository {
  /** The latest picture of each programme read "now", with the change-log position and day it shows. */
  private readonly pictures = new Map<string, { key: string; document: Promise<SnapshotDocument> }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly builder: SnapshotBuilder,
    private readonly progress: ProgressRepository,
    private readonly changeLog: ChangeLogRepository,
  ) {}

  /** Copies the programme as the write's transaction sees it and stores it; the caller records the change. */
  async take(tx: WriteTransaction, snapshot: NewSnapshot): Promise<StoredSnapshot> {
    const manager = managerOf(tx);
    const programmeId = snapshot.programmeId ?? tx.programmeId;
    const document = await this.builder.build(manager, programmeId, snapshot.now);
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO council_snapshot (programme_id, title, trigger, round_id, taken_at, taken_by, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
      [
        programmeId,
        snapshot.title,
        snapshot.trigger,
        snapshot.roundId,
        snapshot.now,
        snapshot.takenBy,
        JSON.stringify(document),
      ],
    );
    return (await this.findSnapshot(row.id, manager)) as StoredSnapshot;
  }

  /**
   * The programme as it is now, as a snapshot would copy it, stored nowhere. The overview's "since
   * the last council report" asks for it from every viewer on every change, so one picture serves
   * until the programme's change log moves on or the day changes (health and overdue milestones are
   * judged by the day): every change to the programme appends to that log, in commit order.
   */
  async buildNow(programmeId: string, regionId: string, now: Date): Promise<SnapshotDocument> {
    const key = `${await this.changeLog.latestSeq(programmeId)}:${osloDate(now)}`;
    const kept = this.pictures.get(programmeId);
    if (kept?.key === key) return kept.document;
    const document = this.buildFresh(programmeId, regionId, now);
    this.pictures.set(programmeId, { key, document });
    // A picture that failed (the database went away) is not kept: the next request tries again.
    document.catch(() => {
      if (this.pictures.get(programmeId)?.document === document) this.pictures.delete(programmeId);
    });
    return document;
  }

  /**
   * Read at one moment (a read-only repeatable-read transaction). The kept figures are first
   * brought to today, which writes, so it is done before the read-only transaction begins.
   */
  private async buildFresh(programmeId: string, regionId: string, now: Date): Promise<SnapshotDocument> {
    await this.progress.matrix(programmeId, regionId, osloDate(now));
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return this.builder.build(manager, programmeId, now);
    });
  }

  /** A snapshot of any programme period; the caller checks whose it is. */
  async findSnapshot(id: string, manager: EntityManager = this.dataSource.manager): Promise<StoredSnapshot | null> {
    const rows: StoredSnapshot[] = await manager.query(`SELECT ${HEAD}, s.document ${FROM} WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The snapshot taken just before this one in the same programme period, or null for the first. */
  async previousSnapshot(snapshot: StoredSnapshot): Promise<StoredSnapshot | null> {
    const rows: StoredSnapshot[] = await this.dataSource.query(
      `SELECT ${HEAD}, s.document ${FROM}
        WHERE s.programme_id = $1 AND (s.taken_at, s.id) < ($2::timestamptz, $3::uuid)
        ${NEWEST_FIRST} LIMIT 1`,
      [snapshot.programmeId, snapshot.takenAt, snapshot.id],
    );
    return rows[0] ?? null;
  }

  async latestSnapshot(programmeId: string): Promise<StoredSnapshot | null> {
    const rows: StoredSnapshot[] = await this.dataSource.query(
      `SELECT ${HEAD}, s.document ${FROM} WHERE s.programme_id = $1 ${NEWEST_FIRST} LIMIT 1`,
      [programmeId],
    );
    return rows[0] ?? null;
  }

  /** A programme period's snapshots, newest first, with their headline figures read out of the documents. */
  async summariesOfProgramme(programmeId: string): Promise<SnapshotSummary[]> {
    const rows: (Omit<SnapshotSummary, 'progress'> & { progress: string | null })[] = await this.dataSource.query(
      `SELECT ${HEAD}, s.document->>'asOf' AS "asOf", s.document->'programme'->>'progress' AS progress,
              s.document->'programme'->'byHealth' AS "byHealth",
              jsonb_array_length(s.document->'actions') AS "actionCount"
         ${FROM} WHERE s.programme_id = $1 ${NEWEST_FIRST}`,
      [programmeId],
    );
    return rows.map((row) => ({ ...row, progress: row.progress === null ? null : Number(row.progress) }));
  }

  /** The names of the accounts that took a period's snapshots, by user id (personal data: the caller checks). */
  async takerNames(programmeId: string): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT DISTINCT u.id, u.name FROM council_snapshot s JOIN app_user u ON u.id = s.taken_by
        WHERE s.programme_id = $1`,
      [programmeId],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
