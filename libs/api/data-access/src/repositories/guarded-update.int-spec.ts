import { type Actor, ProgrammeWriter } from '../change-log/programme-writer';
import { loadDemoProgrammeIfEmpty } from '../demo/load-demo-programme';
import { AdoptionEntity, IndicatorEntity, ProgrammeEntity, UserEntity } from '../entities';
import { createTestDatabase, type TestDatabase } from '../testing';
import { AccountRepository } from './account.repository';
import { IndicatorRepository } from './indicator.repository';
import { ProgrammeRepository } from './programme.repository';

const fakeHash = async (password: string) => `hashed:${password}`;
const actor: Actor = { name: 'Test', userId: null };

// The row a guarded update hands back goes to the change log and the API as it is: it must equal a fresh find.
describe('version-guarded updates', () => {
  let db: TestDatabase;
  let writer: ProgrammeWriter;
  let programmeId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadDemoProgrammeIfEmpty(db.dataSource, fakeHash);
    writer = new ProgrammeWriter(db.dataSource);
    programmeId = (await db.dataSource.getRepository(ProgrammeEntity).findOneByOrFail({})).id;
  });

  afterAll(async () => {
    await db.drop();
  });

  it('returns a decision as a find would, its date a calendar day', async () => {
    const sut = new ProgrammeRepository(db.dataSource);
    const before = await db.dataSource.getRepository(AdoptionEntity).findOneByOrFail({});
    const decision = { status: 'ADOPTED' as const, decidedOn: '2026-10-20', caseReference: '26/123', recordUrl: null };

    const after = await writer.write(actor, programmeId, (tx) =>
      sut.updateAdoptionIfVersion(tx, before.id, before.version, decision),
    );

    expect(after).toBeInstanceOf(AdoptionEntity);
    expect(after).toEqual(await db.dataSource.getRepository(AdoptionEntity).findOneBy({ id: before.id }));
    expect(after).toMatchObject({ ...decision, version: before.version + 1 });
  });

  it('returns an indicator with its figures as numbers', async () => {
    const sut = new IndicatorRepository(db.dataSource);
    const before = await db.dataSource.getRepository(IndicatorEntity).findOneByOrFail({});

    const after = await writer.write(actor, programmeId, (tx) =>
      sut.updateIndicatorIfVersion(tx, before.id, before.version, { target: 42.5 }),
    );

    expect(after).toEqual(await db.dataSource.getRepository(IndicatorEntity).findOneBy({ id: before.id }));
    expect(after).toMatchObject({ baseline: before.baseline, target: 42.5 });
  });

  it('leaves the password hash out and moves the token version on when asked', async () => {
    const sut = new AccountRepository(db.dataSource);
    const before = await db.dataSource.getRepository(UserEntity).findOneByOrFail({ role: 'ADMIN' });

    const after = await writer.write(actor, programmeId, (tx) =>
      sut.updateUserIfVersion(tx, before.id, before.version, { name: 'Renamed' }, { expireAccessTokens: true }),
    );

    expect(after).toEqual(await db.dataSource.getRepository(UserEntity).findOneBy({ id: before.id }));
    expect(after?.passwordHash).toBeUndefined();
    expect(after).toMatchObject({ name: 'Renamed', tokenVersion: before.tokenVersion + 1 });
  });

  it('returns null and changes nothing at a stale version', async () => {
    const sut = new IndicatorRepository(db.dataSource);
    const current = await db.dataSource.getRepository(IndicatorEntity).findOneByOrFail({});

    const after = await writer.write(actor, programmeId, (tx) =>
      sut.updateIndicatorIfVersion(tx, current.id, current.version - 1, { target: 1 }),
    );

    expect(after).toBeNull();
    await expect(db.dataSource.getRepository(IndicatorEntity).findOneBy({ id: current.id })).resolves.toEqual(current);
  });
});
