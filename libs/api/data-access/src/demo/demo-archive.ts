import type { AdoptionStatus, MunicipalitySlug } from '@tiltak/domain';
import type { EntityManager } from 'typeorm';
import type { DemoFocusAreaCode, IsoDate } from './demo-content.types';

/**
 * The demo's archive references: plausible case numbers (saksnummer) and links in the form
 * eInnsyn uses. The case ids are made up; the links show the form, not real records.
 */
function einnsyn(caseId: string): string {
  return `https://einnsyn.no/saksmappe?id=http%3A%2F%2Fdata.einnsyn.no%2Fsaksmappe%2F${caseId}`;
}

/** The council's cases, filed in the archive of the municipality that hosts its secretariat. */
const DEMO_ACTION_REFERENCES: Record<string, { caseReference: string; recordUrl?: string }> = {
  'LOG-1': { caseReference: '2025/1432-3', recordUrl: einnsyn('3f1c2a90-5d4e-4b7a-9a61-0c2d7e8b1a14') },
  'LOG-3': { caseReference: '2025/1432-7', recordUrl: einnsyn('3f1c2a90-5d4e-4b7a-9a61-0c2d7e8b1a14') },
  'BIO-1': { caseReference: '2025/1610-2', recordUrl: einnsyn('8a6d0f3e-2b19-4c57-8e0a-5f4b3c2d1e07') },
  'KRE-3': { caseReference: '25/2214-1' },
  'REI-1': { caseReference: '2025/1987-4', recordUrl: einnsyn('c41e7b25-90af-4d3c-b8e6-72a1d0f95c33') },
};

/** Reports journalled in the archive when they were submitted. */
const DEMO_REPORT_REFERENCES: Record<string, { caseReference: string; recordUrl?: string }> = {
  'BIO-3': { caseReference: '2026/2841-5', recordUrl: einnsyn('e27b9c14-6f03-4a8d-9d52-1b8c4e0a7f69') },
  'KRE-3': { caseReference: '25/2214-6' },
};

interface DemoDecision {
  status: AdoptionStatus;
  decidedOn?: IsoDate;
  caseReference: string;
  /** When it was recorded in Tiltak. */
  recordedOn: IsoDate;
  recordUrl?: string;
}

/**
 * Each subject's decisions, oldest first; the last is the adoption as loaded (DEMO_ADOPTIONS), so
 * it must agree with it. Subjects left out get their one decision, recorded on the day it was made.
 */
const DEMO_DECISION_HISTORY: {
  municipality: MunicipalitySlug;
  focusArea?: DemoFocusAreaCode;
  decisions: DemoDecision[];
}[] = [
  {
    municipality: 'hurdal',
    focusArea: 'LOG',
    decisions: [
      { status: 'PROPOSED', caseReference: '2026/1209', recordedOn: '2026-05-28' },
      {
        status: 'REJECTED',
        decidedOn: '2026-06-18',
        caseReference: '2026/1209-4',
        recordedOn: '2026-06-19',
        recordUrl: einnsyn('5b0e3d71-c8a2-4f96-a1d4-9e7c6b2f0a58'),
      },
    ],
  },
  {
    municipality: 'nes',
    decisions: [
      { status: 'PROPOSED', caseReference: '2025/1542', recordedOn: '2025-05-20' },
      {
        status: 'ADOPTED',
        decidedOn: '2025-06-17',
        caseReference: '2025/1542-3',
        recordedOn: '2025-06-18',
        recordUrl: einnsyn('91d4a6c2-7e35-4b08-bf1e-3a5c8d2e6f40'),
      },
    ],
  },
  {
    municipality: 'ullensaker',
    decisions: [
      {
        status: 'ADOPTED',
        decidedOn: '2025-02-27',
        caseReference: '2025/3051-2',
        recordedOn: '2025-02-28',
        recordUrl: einnsyn('0c7f2e94-b3d1-4a6e-8f25-d9a1b4c7e302'),
      },
    ],
  },
];

/**
 * Gives the loaded demo its archive references and every adoption its history. The adoptions were
 * just inserted; their current columns take the latest decision's reference.
 */
export async function loadDemoArchive(manager: EntityManager, programmeId: string): Promise<void> {
  for (const [code, reference] of Object.entries(DEMO_ACTION_REFERENCES)) {
    await manager.query(
      `UPDATE action SET case_reference = $3, record_url = $4 WHERE programme_id = $1 AND code = $2`,
      [programmeId, code, reference.caseReference, reference.recordUrl ?? null],
    );
  }
  for (const [code, reference] of Object.entries(DEMO_REPORT_REFERENCES)) {
    await manager.query(
      `UPDATE round_report r SET case_reference = $3, record_url = $4 FROM action a
        WHERE a.id = r.action_id AND a.programme_id = $1 AND a.code = $2 AND r.municipality_id IS NULL`,
      [programmeId, code, reference.caseReference, reference.recordUrl ?? null],
    );
  }
  for (const subject of DEMO_DECISION_HISTORY) {
    const latest = subject.decisions[subject.decisions.length - 1];
    await manager.query(
      `UPDATE adoption a SET case_reference = $4, record_url = $5 FROM municipality m
        WHERE a.municipality_id = m.id AND a.programme_id = $1 AND m.slug = $2
          AND a.focus_area_id IS NOT DISTINCT FROM (SELECT id FROM focus_area WHERE programme_id = $1 AND code = $3)`,
      [programmeId, subject.municipality, subject.focusArea ?? null, latest.caseReference, latest.recordUrl ?? null],
    );
    for (const decision of subject.decisions) {
      await manager.query(
        `INSERT INTO adoption_decision (adoption_id, status, decided_on, case_reference, record_url, recorded_by_name, recorded_at)
         SELECT a.id, $4, $5, $6, $7, 'Demodata', ($8::date + time '12:00') AT TIME ZONE 'Europe/Oslo'
           FROM adoption a JOIN municipality m ON m.id = a.municipality_id
          WHERE a.programme_id = $1 AND m.slug = $2
            AND a.focus_area_id IS NOT DISTINCT FROM (SELECT id FROM focus_area WHERE programme_id = $1 AND code = $3)`,
        [
          programmeId,
          subject.municipality,
          subject.focusArea ?? null,
          decision.status,
          decision.decidedOn ?? null,
          decision.caseReference,
          decision.recordUrl ?? null,
          decision.recordedOn,
        ],
      );
    }
  }
  // Every other adoption's history is its one decision, recorded on the day it was made (or proposed today).
  await manager.query(
    `INSERT INTO adoption_decision (adoption_id, status, decided_on, case_reference, record_url, recorded_by_name, recorded_at)
     SELECT a.id, a.status, a.decided_on, a.case_reference, a.record_url, 'Demodata',
            coalesce((a.decided_on + time '12:00') AT TIME ZONE 'Europe/Oslo', now())
       FROM adoption a
      WHERE a.programme_id = $1 AND NOT EXISTS (SELECT 1 FROM adoption_decision d WHERE d.adoption_id = a.id)`,
    [programmeId],
  );
}
