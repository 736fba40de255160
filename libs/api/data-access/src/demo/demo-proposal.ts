import type { EntityManager } from 'typeorm';

/**
 * A change proposed to an action of every municipality and waiting for the secretariat, so that
 * "Endringsforslag" shows what it is for. Eidsvoll's coordinator asks for more time for the portal.
 */
const DEMO_PROPOSAL = {
  actionCode: 'REI-4',
  proposer: 'koordinator.eidsvoll@tiltak.test',
  changes: { dueDate: '2027-09-30' },
  comment:
    'Innholdet fra bedriftene kommer senere enn planlagt. Vi foreslår å flytte fristen til etter sommersesongen 2027, slik at portalen lanseres med et komplett tilbud.',
};

export async function loadDemoProposal(manager: EntityManager, programmeId: string): Promise<void> {
  await manager.query(
    `INSERT INTO action_proposal (action_id, proposed_by, proposed_by_name, base_version, changes, comment)
     SELECT a.id, u.id, u.name, a.version, $3::jsonb, $4 FROM action a, app_user u
      WHERE a.programme_id = $1 AND a.code = $2 AND u.email = $5`,
    [programmeId, DEMO_PROPOSAL.actionCode, DEMO_PROPOSAL.changes, DEMO_PROPOSAL.comment, DEMO_PROPOSAL.proposer],
  );
}
