import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One write as the change log holds it: the events one transaction recorded, taken together. */
export interface WriteRow {
  /** The highest sequence number of its events, as a decimal string. */
  seq: string;
  occurredAt: Date;
  actorName: string;
  /** The kinds of record it changed, for example `action` and `status_update` for a lead's update. */
  entities: string[];
  /** The action it concerns, if any (the first its events name). */
  actionId: string | null;
  /** The municipality it concerns, when it changed an action's figures in one municipality. */
  municipalityId: string | null;
}

/** libs/domain's `actionIdOf` in SQL: the action an event belongs to. */
const ACTION_OF_EVENT = `CASE
  WHEN e.entity = 'action' THEN e.entity_id
  WHEN e.entity IN ('participation', 'project_lead') THEN split_part(e.entity_id, ':', 1)
  WHEN e.entity IN ('milestone', 'involvement', 'status_update', 'report') THEN COALESCE(e.after ->> 'actionId', e.before ->> 'actionId')
END`;

/** How many of the latest events a read of recent writes looks through: many more than any page shows. */
const EVENTS_LOOKED_AT = 500;

/** Reads of the change log (the append-only history) for people, rather than for the live feed. */
@Injectable()
export class ChangeLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The programme's latest change-log number ("0" before its first change). Every change to the
   * programme appends to its log in commit order, so a copy made at this number is current until
   * it moves on.
   */
  async latestSeq(programmeId: string): Promise<string> {
    const [{ seq }]: { seq: string }[] = await this.dataSource.query(
      'SELECT coalesce(max(seq), 0)::text AS seq FROM change_event WHERE programme_id = $1',
      [programmeId],
    );
    return seq;
  }

  /**
   * The programme's latest writes, newest first, user-account changes left out. A write records
   * all its events in one statement of one transaction, so they share its time (`now()`) and its
   * actor: that pair tells one write from another, and a lead's update, which changes the action
   * and adds to its history, is one write and not two.
   */
  recentWrites(programmeId: string, limit: number): Promise<WriteRow[]> {
    return this.dataSource.query(
      `SELECT max(e.seq)::text AS seq, e.occurred_at AS "occurredAt", e.actor_name AS "actorName",
              array_agg(DISTINCT e.entity) AS entities,
              (array_agg(${ACTION_OF_EVENT} ORDER BY e.seq) FILTER (WHERE ${ACTION_OF_EVENT} IS NOT NULL))[1]
                AS "actionId",
              (array_agg(split_part(e.entity_id, ':', 2) ORDER BY e.seq) FILTER (WHERE e.entity = 'participation'))[1]
                AS "municipalityId"
         FROM (SELECT * FROM change_event
                WHERE programme_id = $1 AND entity <> 'user'
                ORDER BY seq DESC LIMIT ${EVENTS_LOOKED_AT}) e
        GROUP BY e.occurred_at, e.actor_name
        ORDER BY max(e.seq) DESC
        LIMIT $2`,
      [programmeId, limit],
    );
  }
}
