import { Injectable } from '@nestjs/common';
import type { AdoptionStatus } from '@tiltak/domain';
import { DataSource } from 'typeorm';

/** An action placed in a focus area that one of its municipalities has not adopted. */
export interface ConsistencyWarningRow {
  actionId: string;
  municipalityId: string;
  focusAreaId: string;
  status: Exclude<AdoptionStatus, 'ADOPTED'>;
  decidedOn: string | null;
  caseReference: string;
  /** Whether the decision is on the focus area itself, or (none recorded for it) on the whole programme. */
  onFocusArea: boolean;
}

/**
 * Where the programme contradicts a municipality's decision. The decision that counts is the
 * municipality's on the action's focus area (rejected, or proposed and not yet adopted); where it
 * recorded none, a rejection of the whole programme. A whole programme only proposed is the usual
 * state while a revision goes round the councils, and would flag every action of the municipality.
 * A cancelled action does nothing in the focus area, so it contradicts no decision.
 */
@Injectable()
export class ConsistencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  warnings(programmeId: string, actionIds: readonly string[] | null): Promise<ConsistencyWarningRow[]> {
    return this.dataSource.query(
      `SELECT a.id AS "actionId", p.municipality_id AS "municipalityId", a.focus_area_id AS "focusAreaId",
              d.status, d.decided_on::text AS "decidedOn", d.case_reference AS "caseReference",
              d.focus_area_id IS NOT NULL AS "onFocusArea"
         FROM action a
         JOIN participation p ON p.action_id = a.id
         JOIN municipality m ON m.id = p.municipality_id
         JOIN LATERAL (
           SELECT ad.status, ad.decided_on, ad.case_reference, ad.focus_area_id FROM adoption ad
            WHERE ad.programme_id = a.programme_id AND ad.municipality_id = p.municipality_id
              AND (ad.focus_area_id = a.focus_area_id OR ad.focus_area_id IS NULL)
            ORDER BY ad.focus_area_id NULLS LAST LIMIT 1) d ON true
        WHERE a.programme_id = $1 AND ($2::uuid[] IS NULL OR a.id = ANY($2))
          AND (d.status = 'REJECTED' OR (d.status = 'PROPOSED' AND d.focus_area_id IS NOT NULL))
          AND a.status <> 'CANCELLED'
        ORDER BY a.code, m.name`,
      [programmeId, actionIds],
    );
  }
}
