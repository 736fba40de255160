import { loadDemoProgrammeIfEmpty } from '../demo/load-demo-programme';
import { createTestDatabase, type TestDatabase } from '../testing';
import { DecisionsAndArchive1796520000000 } from './1796520000000-decisions-and-archive';

const fakeHash = async (password: string) => `hashed:${password}`;

/** The decision history begins, for data older than it, with the decision each adoption holds. */
describe('the decisions-and-archive migration', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('gives each existing adoption one decision, recorded when and by whom the change log last saw it', async () => {
    const applied = async () =>
      ((await db.dataSource.query('SELECT name FROM migration')) as { name: string }[]).map((m) => m.name);
    // Later migrations, if any, are undone first: they were applied after this one.
    while ((await applied()).includes(new DecisionsAndArchive1796520000000().name)) {
      await db.dataSource.undoLastMigration();
    }
    const [nes] = await db.dataSource.query(
      `SELECT a.id, a.programme_id FROM adoption a JOIN municipality m ON m.id = a.municipality_id
        WHERE m.slug = 'nes' AND a.focus_area_id IS NULL`,
    );
    await db.dataSource.query(
      `INSERT INTO change_event (programme_id, actor_name, entity, entity_id, operation, occurred_at)
       VALUES ($1, 'Næringskoordinator i Nes', 'adoption', $2, 'UPDATE', '2025-06-18T10:00:00Z')`,
      [nes.programme_id, nes.id],
    );

    await db.dataSource.runMigrations();

    const rows: { status: string; held: string; matches: boolean; n: number }[] = await db.dataSource.query(
      `SELECT a.status AS held, count(d.id)::int AS n,
              bool_and(d.status = a.status AND d.decided_on IS NOT DISTINCT FROM a.decided_on
                       AND d.case_reference = a.case_reference AND d.record_url IS NULL) AS matches
         FROM adoption a LEFT JOIN adoption_decision d ON d.adoption_id = a.id GROUP BY a.id, a.status`,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.n === 1 && row.matches)).toBe(true);
    const [recorded] = await db.dataSource.query(
      `SELECT recorded_by_name AS name, recorded_at AS at FROM adoption_decision WHERE adoption_id = $1`,
      [nes.id],
    );
    expect(recorded).toEqual({ name: 'Næringskoordinator i Nes', at: new Date('2025-06-18T10:00:00Z') });
  });
});
