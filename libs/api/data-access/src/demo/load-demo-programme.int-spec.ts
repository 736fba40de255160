import { MUNICIPALITY_SLUGS } from '@tiltak/domain';
import {
  ActionEntity,
  FocusAreaEntity,
  IndicatorValueEntity,
  MunicipalityEntity,
  PartyEntity,
  ProgrammeEntity,
} from '../entities';
import { createTestDatabase, type TestDatabase } from '../testing';
import { loadDemoProgrammeIfEmpty } from './load-demo-programme';

// The demo only stores what it is given; the real argon2id hashing lives in the accounts library.
const fakeHash = async (password: string) => `hashed:${password}`;

describe('loadDemoProgrammeIfEmpty', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase();
  });

  afterEach(async () => {
    await db.drop();
  });

  it('fills an empty database with the six municipalities and the plan’s focus areas', async () => {
    await expect(loadDemoProgrammeIfEmpty(db.dataSource, fakeHash)).resolves.toBe(true);

    const municipalities = await db.dataSource.getRepository(MunicipalityEntity).find({ order: { slug: 'ASC' } });
    expect(municipalities.map((m) => m.slug)).toEqual([...MUNICIPALITY_SLUGS]);
    const focusAreas = await db.dataSource.getRepository(FocusAreaEntity).find({ order: { sortOrder: 'ASC' } });
    expect(focusAreas.map((area) => area.code)).toEqual(['LOG', 'BIO', 'KRE', 'REI', 'SMA', 'POL']);
  });

  it('names the real public bodies as they are named today, and files the council as what it is', async () => {
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
    const parties = await db.dataSource.getRepository(PartyEntity).find();
    const kindOf = (name: string) => parties.find((party) => party.name === name)?.kind;

    expect(kindOf('Gardermoregionen interkommunalt politisk råd')).toBe('INTERMUNICIPAL_COUNCIL');
    expect(kindOf('Statsforvalteren i Østfold, Buskerud, Oslo og Akershus')).toBe('REGIONAL_AUTHORITY');
    expect(parties.map((party) => party.name)).not.toContainEqual(expect.stringMatching(/regionråd|Innovasjon/i));
  });

  it('enters every action when the programme began, so that one never updated does not read as updated today', async () => {
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
    const actions = await db.dataSource.getRepository(ActionEntity).find();

    expect(new Set(actions.map((action) => action.createdAt.toISOString()))).toEqual(
      new Set(['2025-01-02T09:00:00.000Z']),
    );
  });

  it('has a change proposed by a coordinator to an action of every municipality, waiting for the secretariat', async () => {
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
    const proposals = await db.dataSource.query(
      `SELECT p.state, u.role, (SELECT count(*) FROM participation pa WHERE pa.action_id = p.action_id)::int AS municipalities,
              p.base_version = a.version AS current
         FROM action_proposal p JOIN app_user u ON u.id = p.proposed_by JOIN action a ON a.id = p.action_id`,
    );

    expect(proposals).toEqual([{ state: 'PENDING', role: 'COORDINATOR', municipalities: 6, current: true }]);
  });

  it('holds indicator values only for years whose official statistics are out (2025 at the latest)', async () => {
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
    const values = await db.dataSource.getRepository(IndicatorValueEntity).find();

    expect(values.length).toBeGreaterThan(0);
    expect(Math.max(...values.map((value) => value.year))).toBe(2025);
  });

  it('leaves a database that already holds a programme alone, even when two instances start at once', async () => {
    const results = await Promise.all([
      loadDemoProgrammeIfEmpty(db.dataSource, fakeHash),
      loadDemoProgrammeIfEmpty(db.dataSource, fakeHash),
    ]);

    expect(results.sort()).toEqual([false, true]);
    await expect(db.dataSource.getRepository(ProgrammeEntity).count()).resolves.toBe(1);
    await expect(loadDemoProgrammeIfEmpty(db.dataSource, fakeHash)).resolves.toBe(false);
  });

  it('is refused by the database when a programme period runs backwards', async () => {
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
    const programme = await db.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({});

    await expect(
      db.dataSource.getRepository(ProgrammeEntity).update(programme.id, { startYear: 2030, endYear: 2025 }),
    ).rejects.toThrow(/CHK_programme_period/);
  });
});
