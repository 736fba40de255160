import type { SnapshotAction } from '@tiltak/domain';
import type { EntityManager } from 'typeorm';

export interface ActionNarrative {
  text: string;
  source: NonNullable<SnapshotAction['narrativeSource']>;
}

/**
 * What each action of the programme says about itself, in one statement: the narrative of its
 * latest submitted report (the action's own, not a municipality's part), else the reason the lead
 * gave for overriding its health, else the comment of its latest status update. Blank text counts
 * as none. Only text: who wrote it stays out, since a snapshot names no people.
 */
export async function narrativesOfActions(
  manager: EntityManager,
  programmeId: string,
): Promise<Map<string, ActionNarrative>> {
  const rows: { actionId: string; text: string; source: ActionNarrative['source'] }[] = await manager.query(
    `SELECT a.id AS "actionId",
            CASE WHEN r.narrative IS NOT NULL THEN r.narrative
                 WHEN a.health_override IS NOT NULL AND btrim(coalesce(a.health_override_comment, '')) <> ''
                   THEN a.health_override_comment
                 ELSE s.comment END AS text,
            CASE WHEN r.narrative IS NOT NULL THEN 'REPORT'
                 WHEN a.health_override IS NOT NULL AND btrim(coalesce(a.health_override_comment, '')) <> ''
                   THEN 'HEALTH_OVERRIDE'
                 ELSE 'STATUS_UPDATE' END AS source
       FROM action a
       LEFT JOIN LATERAL (
         SELECT rr.narrative FROM round_report rr
          WHERE rr.action_id = a.id AND rr.municipality_id IS NULL AND rr.state = 'SUBMITTED'
            AND btrim(rr.narrative) <> ''
          ORDER BY rr.submitted_at DESC, rr.id LIMIT 1) r ON true
       LEFT JOIN LATERAL (
         SELECT su.comment FROM status_update su
          WHERE su.action_id = a.id AND btrim(su.comment) <> ''
          ORDER BY su.created_at DESC, su.id DESC LIMIT 1) s ON true
      WHERE a.programme_id = $1`,
    [programmeId],
  );
  return new Map(
    rows.filter((row) => row.text !== null).map((row) => [row.actionId, { text: row.text, source: row.source }]),
  );
}
