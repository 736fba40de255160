import { createHash, randomBytes } from 'node:crypto';
import type { TestApi } from '../testing/test-api';

/** An action of the demo programme that concerns exactly these municipalities, with its lead party. */
export async function actionOf(api: TestApi, municipalities: string[]): Promise<{ id: string; code: string }> {
  const rows: { id: string; code: string }[] = await api.db.dataSource.query(
    `SELECT a.id, a.code FROM action a
      WHERE (SELECT array_agg(m.name ORDER BY m.name) FROM participation p JOIN municipality m ON m.id = p.municipality_id
              WHERE p.action_id = a.id) = $1::varchar[]
      ORDER BY a.code LIMIT 1`,
    [[...municipalities].sort()],
  );
  if (!rows[0]) throw new Error(`No demo action for exactly ${municipalities.join(', ')}`);
  return rows[0];
}

/**
 * An open round with a report for each action given (the action's own report), straight in the
 * tables: the round's own API is another part's, and these tests are about the links.
 */
export async function openRound(
  api: TestApi,
  name: string,
  deadline: string,
  actionIds: string[],
  graceDays = 7,
): Promise<{ roundId: string; reportIds: string[] }> {
  const [{ id: roundId }] = await api.db.dataSource.query(
    `INSERT INTO reporting_round (programme_id, name, deadline, grace_days, state, opened_at, opened_by_name)
     SELECT id, $1, $2, $3, 'OPEN', now(), 'Tiltak-administrator' FROM programme ORDER BY end_year DESC LIMIT 1
     RETURNING id`,
    [name, deadline, graceDays],
  );
  const reportIds: string[] = [];
  for (const actionId of actionIds) {
    const [{ id }] = await api.db.dataSource.query(
      `INSERT INTO round_report (round_id, action_id) VALUES ($1, $2) RETURNING id`,
      [roundId, actionId],
    );
    reportIds.push(id);
  }
  return { roundId, reportIds };
}

/** A link with a token the test knows, stored as the API stores it: by its hash only. */
export async function plantLink(
  api: TestApi,
  reportId: string,
  expiresAt: Date,
  sentFor = 'Nes kommune',
): Promise<{ token: string; linkId: string }> {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest('hex');
  const [{ id }] = await api.db.dataSource.query(
    `INSERT INTO report_link (report_id, token_hash, recipient_name, recipient_email, sent_by_user_id, sent_by_name,
                              sent_for, expires_at)
     SELECT $1, $2, 'Kari Nordmann', 'kari@bedrift.test', id, name, $3, $4 FROM app_user
      WHERE email = 'koordinator.nes@tiltak.test' RETURNING id`,
    [reportId, hash, sentFor, expiresAt],
  );
  return { token, linkId: id };
}
