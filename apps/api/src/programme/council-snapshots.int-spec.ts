import type { SnapshotDocument } from '@tiltak/domain';
import { MATRIX_CELL_FIELDS, type MatrixCell } from '../testing/matrix';
import { type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';

const TAKE = `mutation($title: String!) {
  takeCouncilSnapshot(title: $title) {
    id title trigger takenAt asOf roundId roundName takenByName progress actionCount byHealth { onTrack atRisk offTrack }
  }
}`;
const CHANGES = `query($from: ID!, $to: ID) {
  programmeChanges(fromSnapshotId: $from, toSnapshotId: $to) {
    count fromTakenAt toTakenAt from { id } to { id }
    statusChanges { actionId code from to }
    healthChanges { actionId direction }
    milestonesCompleted { milestoneId }
    milestonesSlipped { milestoneId reason }
    newActions { actionId } cancelledActions { actionId } newRisks { actionId narrative }
    indicatorValuesAdded { indicatorId municipalityId municipalityName year from to }
  }
}`;
const STATUS = `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id status version } }`;
const VALUE = `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { value } }`;

interface Taken {
  id: string;
  title: string;
  trigger: string;
  roundId: string | null;
  roundName: string | null;
  takenByName: string | null;
  progress: number | null;
  actionCount: number;
}

interface Changes {
  count: number;
  to: { id: string } | null;
  statusChanges: { actionId: string; from: string; to: string }[];
  indicatorValuesAdded: {
    indicatorId: string;
    municipalityName: string;
    year: number;
    from: number | null;
    to: number;
  }[];
  [list: string]: unknown;
}

describe('council snapshots and what changed', () => {
  let api: TestApi;
  let secretariat: GraphqlClient;
  let municipalities: { id: string; name: string }[];

  const take = async (title: string, client: GraphqlClient = api) =>
    (await client.data<{ takeCouncilSnapshot: Taken }>(TAKE, { title })).takeCouncilSnapshot;
  const stored = async (id: string): Promise<string> =>
    (await api.db.dataSource.query('SELECT document::text AS d FROM council_snapshot WHERE id = $1', [id]))[0].d;
  const documentOf = async (id: string): Promise<SnapshotDocument> => JSON.parse(await stored(id));
  const snapshotCount = async () =>
    Number((await api.db.dataSource.query('SELECT count(*) AS n FROM council_snapshot'))[0].n);

  /** An action in progress, on its own figures, whose status can move to on hold without its health moving. */
  const actionInProgress = async () => {
    const rows: { id: string; version: number }[] = await api.db.dataSource.query(
      `SELECT id, version FROM action WHERE status = 'IN_PROGRESS' AND health_override IS NULL
        ORDER BY code LIMIT 1`,
    );
    return rows[0];
  };

  beforeAll(async () => {
    api = await startTestApi();
    secretariat = await api.as('sekretariat@tiltak.test');
    ({ municipalities } = await api.data<{ municipalities: { id: string; name: string }[] }>(
      '{ municipalities { id name } }',
    ));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('shows on a fresh demo what changed since its last council meeting', async () => {
    const { councilSnapshots, changesSinceLastCouncilReport } = await api.data<{
      councilSnapshots: Taken[];
      changesSinceLastCouncilReport: Changes & { newRisks: { narrative: string | null }[] };
    }>(`{ councilSnapshots { id title trigger takenByName }
          changesSinceLastCouncilReport { count statusChanges { actionId from to } newRisks { narrative } } }`);
    expect(councilSnapshots).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Regionrådsmøte /),
        trigger: 'MANUAL',
        takenByName: null,
      }),
    ]);
    expect(changesSinceLastCouncilReport.statusChanges).toEqual([
      expect.objectContaining({ from: 'IN_PROGRESS', to: 'ON_HOLD' }),
    ]);
    expect(changesSinceLastCouncilReport.newRisks).toEqual([
      { narrative: 'Leverandøren har varslet tre måneders forsinkelse.' },
    ]);
    expect(changesSinceLastCouncilReport.count).toBeGreaterThanOrEqual(3);
  });

  it('freezes the figures the overview shows at that moment', async () => {
    const snapshot = await take('Regionrådsmøte i mars');
    const overview = await api.data<{
      progressMatrix: MatrixCell[];
      currentProgramme: {
        progress: number | null;
        fundingTotals: { budget: number; planned: number; applied: number; granted: number; refused: number };
      };
    }>(`{ progressMatrix { ${MATRIX_CELL_FIELDS} } currentProgramme { progress
          fundingTotals { budget planned applied granted refused } } }`);
    const document = await documentOf(snapshot.id);

    expect(snapshot).toMatchObject({ title: 'Regionrådsmøte i mars', trigger: 'MANUAL', roundId: null });
    expect(document.programme.progress).toBe(overview.currentProgramme.progress);
    expect(snapshot.progress).toBe(overview.currentProgramme.progress);
    const cell = (c: {
      municipalityId: string;
      focusAreaId: string;
      progress: number | null;
      actionCount: number;
    }) => ({
      municipalityId: c.municipalityId,
      focusAreaId: c.focusAreaId,
      progress: c.progress,
      actionCount: c.actionCount,
    });
    const key = (c: { municipalityId: string; focusAreaId: string }) => `${c.municipalityId}:${c.focusAreaId}`;
    expect(document.matrix.map(cell).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      overview.progressMatrix.map(cell).sort((a, b) => key(a).localeCompare(key(b))),
    );
    const { budget, planned, applied, granted, refused } = document.funding.region;
    expect({ budget, planned, applied, granted, refused }).toEqual(overview.currentProgramme.fundingTotals);
    // The parts add up to the totals they are the parts of.
    const granted2 = document.funding.region.bySource.filter((p) => p.status === 'GRANTED');
    expect(granted2.reduce((sum, p) => sum + p.amount, 0)).toBe(granted);
    expect(document.actions.length).toBe(snapshot.actionCount);
    expect(document.actions.length).toBeGreaterThan(0);
  });

  it('lists exactly two writes between two snapshots, and the first document never changes', async () => {
    const first = await take('Før to endringer');
    const frozen = await stored(first.id);
    const action = await actionInProgress();
    const [indicator] = (await api.db.dataSource.query(
      `SELECT i.id FROM indicator i WHERE i.source NOT IN ('NETWORK_REGISTER', 'CLUSTER_REGISTER') ORDER BY i.name LIMIT 1`,
    )) as { id: string }[];

    await api.data(STATUS, { input: { actionId: action.id, expectedVersion: action.version, status: 'ON_HOLD' } });
    await api.data(VALUE, {
      input: { indicatorId: indicator.id, municipalityId: municipalities[0].id, year: 2019, value: 4321 },
    });
    const second = await take('Etter to endringer');

    const { programmeChanges } = await api.data<{ programmeChanges: Changes }>(CHANGES, {
      from: first.id,
      to: second.id,
    });
    expect(programmeChanges.count).toBe(2);
    expect(programmeChanges.to?.id).toBe(second.id);
    expect(programmeChanges.statusChanges).toEqual([
      expect.objectContaining({ actionId: action.id, from: 'IN_PROGRESS', to: 'ON_HOLD' }),
    ]);
    expect(programmeChanges.indicatorValuesAdded).toEqual([
      {
        indicatorId: indicator.id,
        municipalityId: municipalities[0].id,
        municipalityName: municipalities[0].name,
        year: 2019,
        from: null,
        to: 4321,
      },
    ]);
    expect(await stored(first.id)).toBe(frozen);

    // Compared with now (no later snapshot), the same two writes; since the latest snapshot, nothing.
    const now = await api.data<{ programmeChanges: Changes }>(CHANGES, { from: first.id, to: null });
    expect(now.programmeChanges.count).toBe(2);
    expect(now.programmeChanges.to).toBeNull();
    const since = await api.data<{ changesSinceLastCouncilReport: Changes & { from: { id: string } } }>(
      '{ changesSinceLastCouncilReport { count from { id } } }',
    );
    expect(since.changesSinceLastCouncilReport).toEqual({ count: 0, from: { id: second.id } });

    // A write after both leaves both documents as they were.
    const later = (await api.db.dataSource.query('SELECT version FROM action WHERE id = $1', [action.id]))[0];
    await api.data(STATUS, { input: { actionId: action.id, expectedVersion: later.version, status: 'IN_PROGRESS' } });
    expect(await stored(first.id)).toBe(frozen);
    const sinceAfter = await api.data<{ changesSinceLastCouncilReport: Changes }>(
      '{ changesSinceLastCouncilReport { count statusChanges { actionId from to } } }',
    );
    expect(sinceAfter.changesSinceLastCouncilReport.statusChanges).toEqual([
      { actionId: action.id, from: 'ON_HOLD', to: 'IN_PROGRESS' },
    ]);
  });

  it('takes one when a reporting round closes, named after the round, in the same write', async () => {
    const action = await actionInProgress();
    const { openReportingRound } = await api.data<{ openReportingRound: { id: string; version: number } }>(
      'mutation($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { id version } }',
      { input: { name: 'Andre tertial', deadline: '2030-06-30', actionIds: [action.id] } },
    );
    const before = await snapshotCount();
    await api.data('mutation($id: ID!, $v: Int!) { closeReportingRound(roundId: $id, expectedVersion: $v) { id } }', {
      id: openReportingRound.id,
      v: openReportingRound.version,
    });
    expect(await snapshotCount()).toBe(before + 1);
    const { councilSnapshots } = await api.data<{ councilSnapshots: Taken[] }>(
      '{ councilSnapshots { id title trigger roundId roundName takenByName } }',
    );
    expect(councilSnapshots[0]).toMatchObject({
      title: 'Andre tertial',
      trigger: 'ROUND_CLOSED',
      roundId: openReportingRound.id,
      roundName: 'Andre tertial',
    });
  });

  it('is refused by the database when anything tries to change or remove a snapshot', async () => {
    const { id } = await take('Skal stå');
    await expect(
      api.db.dataSource.query(`UPDATE council_snapshot SET title = 'Endret' WHERE id = $1`, [id]),
    ).rejects.toThrow();
    await expect(api.db.dataSource.query(`DELETE FROM council_snapshot WHERE id = $1`, [id])).rejects.toThrow();
    expect((await api.db.dataSource.query('SELECT title FROM council_snapshot WHERE id = $1', [id]))[0].title).toBe(
      'Skal stå',
    );
  });

  it.each([['   '], ['x'.repeat(201)]])('refuses the title %j with nothing written', async (title) => {
    const before = await snapshotCount();
    const { errors } = await api.gql(TAKE, { title });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(await snapshotCount()).toBe(before);
  });

  it('lands two snapshots taken at once, each its own', async () => {
    const [a, b] = await Promise.all([take('Samtidig A', api), take('Samtidig B', secretariat)]);
    expect(a.id).not.toBe(b.id);
    const titles = (await api.db.dataSource.query(
      `SELECT title FROM council_snapshot WHERE id = ANY($1::uuid[]) ORDER BY title`,
      [[a.id, b.id]],
    )) as { title: string }[];
    expect(titles.map((t) => t.title)).toEqual(['Samtidig A', 'Samtidig B']);
  });

  it('answers an unknown snapshot as not found, and a snapshot by its id', async () => {
    const { id } = await take('Slås opp');
    const { councilSnapshot } = await api.data<{ councilSnapshot: { id: string } | null }>(
      'query($id: ID!) { councilSnapshot(id: $id) { id } }',
      { id },
    );
    expect(councilSnapshot).toEqual({ id });
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { errors } = await api.gql(CHANGES, { from: unknown, to: null });
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  describe('who may read and take them', () => {
    const READ = '{ viewerCan { readCouncilReports takeCouncilSnapshot } councilSnapshots { id takenByName } }';
    it.each([
      ['rad@tiltak.test', true, false, true],
      ['politiker@tiltak.test', true, false, false],
      ['koordinator.nes@tiltak.test', true, false, true],
      ['sekretariat@tiltak.test', true, true, true],
      ['admin@tiltak.test', true, true, true],
      ['leder@tiltak.test', false, false, false],
    ])('%s reads: %s, takes: %s, sees names: %s', async (email, reads, takes, names) => {
      const client = await api.as(email);
      const { data, errors } = await client.gql<{
        viewerCan: { readCouncilReports: boolean; takeCouncilSnapshot: boolean };
        councilSnapshots: { takenByName: string | null }[];
      }>(READ);
      if (reads) {
        expect(errors).toBeUndefined();
        expect(data?.viewerCan).toEqual({ readCouncilReports: true, takeCouncilSnapshot: takes });
        expect(data!.councilSnapshots.some((s) => s.takenByName !== null)).toBe(names);
      } else {
        expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
        const { viewerCan } = await client.data<{ viewerCan: Record<string, boolean> }>(
          '{ viewerCan { readCouncilReports takeCouncilSnapshot } }',
        );
        expect(viewerCan).toEqual({ readCouncilReports: false, takeCouncilSnapshot: false });
      }
      const before = await snapshotCount();
      const taken = await client.gql(TAKE, { title: `Forsøk av ${email}` });
      if (takes) expect(taken.errors).toBeUndefined();
      else expect(taken.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await snapshotCount()).toBe(before + (takes ? 1 : 0));
    });

    it('refuses signed-out visitors, also with the public dashboard on', async () => {
      const publicApi = await startTestApi({ PUBLIC_DASHBOARD: 'true' });
      try {
        for (const client of [api.anonymous, publicApi.anonymous]) {
          for (const query of ['{ councilSnapshots { id } }', '{ changesSinceLastCouncilReport { count } }']) {
            const { errors } = await client.gql(query);
            expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
          }
          const { errors } = await client.gql(TAKE, { title: 'Utenfra' });
          expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        }
        const { viewerCan } = await publicApi.anonymous.data<{ viewerCan: Record<string, boolean> }>(
          '{ viewerCan { readCouncilReports takeCouncilSnapshot } }',
        );
        expect(viewerCan).toEqual({ readCouncilReports: false, takeCouncilSnapshot: false });
      } finally {
        await publicApi.close();
      }
    });
  });
});
