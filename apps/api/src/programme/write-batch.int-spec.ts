import { PartyRepository, ProgrammeRepository, ProgrammeWriter } from '@tiltak/api-data-access';
import { startTestApi, type TestApi } from '../testing/test-api';

/**
 * ProgrammeWriter.batch: many ordinary writes in one transaction, each a savepoint that may fail
 * alone; kept only when asked to and when the batch's work says so.
 */
describe('a batch of writes', () => {
  let api: TestApi;
  let writer: ProgrammeWriter;
  let programmeId: string;
  let regionId: string;
  const actor = { name: 'Batchtesteren', userId: null };

  beforeAll(async () => {
    api = await startTestApi();
    writer = api.get(ProgrammeWriter);
    const programme = (await api.get(ProgrammeRepository).currentProgramme())!;
    ({ id: programmeId, regionId } = programme);
  });

  afterAll(async () => {
    await api?.close();
  });

  const partyNamed = (name: string) =>
    writer.write(actor, programmeId, async (tx) => {
      const party = await api.get(PartyRepository).createParty(tx, {
        regionId,
        name,
        kind: 'BUSINESS',
        organisationNumber: null,
        homeMunicipalityId: null,
        contactName: null,
        contactEmail: null,
        website: null,
      });
      tx.record({ entity: 'party', entityId: party.id, operation: 'CREATE', before: null, after: party });
      if (name.includes('feiler')) throw new Error(`${name} is refused`);
      return party;
    });
  const stored = async (names: string[]) =>
    (
      (await api.db.dataSource.query(
        `SELECT p.name, count(e.seq)::int AS events FROM party p LEFT JOIN change_event e ON e.entity_id = p.id::text
          WHERE p.name = ANY($1) GROUP BY p.name ORDER BY p.name`,
        [names],
      )) as { name: string; events: number }[]
    ).map((row) => `${row.name}: ${row.events}`);

  /** Writes each name in turn, noting those refused, as an import does. */
  const writeAll = (names: string[], keep: (refused: string[]) => boolean) => async () => {
    const refused: string[] = [];
    for (const name of names) await partyNamed(name).catch(() => refused.push(name));
    return { result: refused, keep: keep(refused) };
  };

  it('rolls back a refused write alone and keeps the others with their change log', async () => {
    const names = ['Batch A', 'Batch B feiler', 'Batch C'];

    const { result, committed } = await writer.batch(
      actor,
      programmeId,
      writeAll(names, () => true),
      { commit: true },
    );

    expect({ result, committed }).toEqual({ result: ['Batch B feiler'], committed: true });
    expect(await stored(names)).toEqual(['Batch A: 1', 'Batch C: 1']);
  });

  it('keeps nothing when its work says not to, or when it is a dry run', async () => {
    const names = ['Tørrkjøring D', 'Tørrkjøring E feiler'];

    const refusedOne = await writer.batch(
      actor,
      programmeId,
      writeAll(names, (r) => r.length === 0),
      {
        commit: true,
      },
    );
    const dryRun = await writer.batch(
      actor,
      programmeId,
      writeAll(['Tørrkjøring F'], () => true),
      { commit: false },
    );

    expect(refusedOne).toEqual({ result: ['Tørrkjøring E feiler'], committed: false });
    expect(dryRun).toEqual({ result: [], committed: false });
    expect(await stored([...names, 'Tørrkjøring F'])).toEqual([]);
  });

  it('lets no other actor’s write into it', async () => {
    const other = { name: 'Noen andre', userId: '00000000-0000-4000-8000-000000000001' };
    const { result } = await writer.batch(
      actor,
      programmeId,
      async () => ({
        result: await writer.write(other, programmeId, async () => 'written').catch((error: Error) => error.message),
        keep: false,
      }),
      { commit: false },
    );

    expect(result).toBe('A batch holds the writes of its own actor and programme only');
  });
});
