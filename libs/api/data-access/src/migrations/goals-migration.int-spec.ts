import { createTestDatabase, type TestDatabase } from '../testing';

/** The free-text innovation plan priorities of focus areas become rows of a first plan, and come back on revert. */
describe('the goals migration', () => {
  let db: TestDatabase;
  const query = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  /** Reverts the goals migration, and those after it (other features' later migrations). */
  const revertGoals = async () => {
    while ((await query(`SELECT 1 FROM migration WHERE name = 'Goals1796530000000'`)).length > 0) {
      await db.dataSource.undoLastMigration();
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  it('keeps each focus area’s priority as a row of a first plan, and the text again when reverted', async () => {
    await revertGoals();
    const [region] = await query(`INSERT INTO region (slug, name) VALUES ('r', 'Regionen') RETURNING id`);
    const [programme] = await query(
      `INSERT INTO programme (region_id, slug, name, start_year, end_year) VALUES ($1, 'p', 'P', 2025, 2028) RETURNING id`,
      [region.id],
    );
    const plan = 'Regional plan for innovasjon';
    const areas: [string, string | null][] = [
      ['AA', `${plan}: grønn omstilling`],
      ['BB', `${plan}: sirkulær økonomi`],
      ['CC', `${plan}: grønn omstilling`],
      ['DD', null],
    ];
    for (const [index, [code, priority]] of areas.entries()) {
      await query(
        `INSERT INTO focus_area (programme_id, code, name, innovation_plan_priority, sort_order) VALUES ($1, $2, $2, $3, $4)`,
        [programme.id, code, priority, index],
      );
    }

    await db.dataSource.runMigrations();

    await expect(
      query(`SELECT name, valid_from AS "validFrom", replaced_by_id AS "replacedById" FROM innovation_plan`),
    ).resolves.toEqual([{ name: plan, validFrom: 2025, replacedById: null }]);
    await expect(query(`SELECT code, name FROM innovation_priority ORDER BY sort_order`)).resolves.toEqual([
      { code: 'P1', name: 'grønn omstilling' },
      { code: 'P2', name: 'sirkulær økonomi' },
    ]);
    await expect(
      query(`SELECT f.code, p.code AS priority FROM focus_area f
               LEFT JOIN innovation_priority p ON p.id = f.innovation_priority_id ORDER BY f.code`),
    ).resolves.toEqual([
      { code: 'AA', priority: 'P1' },
      { code: 'BB', priority: 'P2' },
      { code: 'CC', priority: 'P1' },
      { code: 'DD', priority: null },
    ]);

    await revertGoals();
    await expect(
      query(`SELECT code, innovation_plan_priority AS priority FROM focus_area ORDER BY code`),
    ).resolves.toEqual(areas.map(([code, priority]) => ({ code, priority })));
  });
});
