import { osloDate, PARTY_KINDS } from '@tiltak/domain';
import { startTestApi, type TestApi } from '../testing/test-api';

interface Node {
  id: string;
  code: string;
  status: string;
  health: string;
  overdue: boolean;
  title: string;
  focusArea: { id: string };
  municipalities: { municipality: { id: string } }[];
  involvements: { party: { id: string } }[];
  milestones: { dueDate: string; completedOn: string | null }[];
}

interface ConnectionPage {
  actions: {
    totalCount: number;
    edges: { node: { code: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
}

const NODE = `id code status health overdue title focusArea { id } municipalities { municipality { id } }
  involvements { party { id } } milestones { dueDate completedOn }`;

describe('reading the action programme', () => {
  let api: TestApi;
  let all: Node[];

  const page = async (filter: Record<string, unknown>, first = 100) =>
    (
      await api.data<{ actions: { totalCount: number; edges: { node: Node }[] } }>(
        `query($f: ActionFilterInput, $n: Int) { actions(filter: $f, first: $n) { totalCount edges { node { ${NODE} } } } }`,
        { f: filter, n: first },
      )
    ).actions;
  const codes = (nodes: Node[]) => nodes.map((n) => n.code).sort();

  beforeAll(async () => {
    api = await startTestApi();
    all = (await page({})).edges.map((e) => e.node);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('pages through actions in code order with cursors, totalCount and hasNextPage', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const { actions }: ConnectionPage = await api.data<ConnectionPage>(
        'query($a: String) { actions(first: 15, after: $a) { totalCount edges { node { code } } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      expect(actions.totalCount).toBe(all.length);
      seen.push(...actions.edges.map((e) => e.node.code));
      if (!actions.pageInfo.hasNextPage) break;
      after = actions.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((n) => n.code));
    expect(new Set(seen).size).toBe(all.length);
    expect(seen.slice(0, 3)).toEqual(['LOG-1', 'LOG-2', 'LOG-3']);
  });

  it('filters by municipality, focus area, status, party, overdue and text', async () => {
    const municipalityId = all[0].municipalities[0].municipality.id;
    expect(codes((await page({ municipalityIds: [municipalityId] })).edges.map((e) => e.node))).toEqual(
      codes(all.filter((a) => a.municipalities.some((m) => m.municipality.id === municipalityId))),
    );
    const focusAreaId = all.at(-1)!.focusArea.id;
    expect(codes((await page({ focusAreaIds: [focusAreaId] })).edges.map((e) => e.node))).toEqual(
      codes(all.filter((a) => a.focusArea.id === focusAreaId)),
    );
    expect(codes((await page({ statuses: ['COMPLETED', 'CANCELLED'] })).edges.map((e) => e.node))).toEqual(
      codes(all.filter((a) => a.status === 'COMPLETED' || a.status === 'CANCELLED')),
    );
    const partyId = all[0].involvements[0].party.id;
    expect(codes((await page({ partyIds: [partyId] })).edges.map((e) => e.node))).toEqual(
      codes(all.filter((a) => a.involvements.some((i) => i.party.id === partyId))),
    );
    const today = osloDate();
    const overdue = all.filter(
      (a) =>
        !['COMPLETED', 'CANCELLED'].includes(a.status) &&
        (a.overdue || a.milestones.some((m) => !m.completedOn && m.dueDate < today)),
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(codes((await page({ overdue: true })).edges.map((e) => e.node))).toEqual(codes(overdue));
    expect((await page({ overdue: false })).totalCount).toBe(all.length - overdue.length);
    const word = all[3].title.split(' ').find((w) => w.length > 6)!;
    const byText = (await page({ text: word.toUpperCase() })).edges.map((e) => e.node);
    expect(byText.map((n) => n.code)).toContain(all[3].code);
    expect((await page({ text: 'ingen-treff-på-dette-%' })).totalCount).toBe(0);
  });

  it('finds actions by the name of a party involved, lead or partner, whatever the case', async () => {
    type Involved = { code: string; involvements: { role: string; party: { name: string } }[] };
    const { actions } = await api.data<{ actions: { edges: { node: Involved }[] } }>(
      '{ actions(first: 100) { edges { node { code involvements { role party { name } } } } } }',
    );
    const nodes = actions.edges.map((e) => e.node);
    const partner = nodes.flatMap((n) => n.involvements).find((i) => i.role === 'PARTNER')!.party.name;
    const withPartner = nodes.filter((n) => n.involvements.some((i) => i.party.name === partner));
    // A part of the name in another case, as people type it into the search field.
    const typed = partner.slice(1, -1).toLocaleLowerCase('nb');

    const found = (await page({ text: typed })).edges.map((e) => e.node.code);

    expect(withPartner.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(withPartner.map((n) => n.code)));
    const { actions: narrowed } = await api.data<{ actions: { edges: { node: Involved }[] } }>(
      'query($t: String) { actions(first: 100, filter: { text: $t }) { edges { node { code title involvements { role party { name } } } } } }',
      { t: 'næringsråd' },
    );
    expect(narrowed.edges.length).toBeGreaterThan(0);
    for (const { node } of narrowed.edges) {
      expect(JSON.stringify(node).toLocaleLowerCase('nb')).toContain('næringsråd');
    }
  });

  it('selects the actions the viewer may update, exactly those whose viewerCan says so, for every role', async () => {
    type Updatable = { code: string; viewerCan: { updateStatus: boolean } };
    const ask = (client: { data: typeof api.data }, updatable?: boolean) =>
      client
        .data<{ actions: { totalCount: number; edges: { node: Updatable }[] } }>(
          'query($f: ActionFilterInput) { actions(first: 100, filter: $f) { totalCount edges { node { code viewerCan { updateStatus } } } } }',
          { f: updatable === undefined ? {} : { updatableByViewer: updatable } },
        )
        .then((data) => data.actions.edges.map((e) => e.node));
    const seen: Record<string, number> = {};
    for (const email of ['admin@tiltak.test', 'rad@tiltak.test', 'koordinator.nes@tiltak.test', 'leder@tiltak.test']) {
      const client = await api.as(email);
      const every = await ask(client);
      const mine = await ask(client, true);
      const others = await ask(client, false);

      const sortedCodes = (nodes: Updatable[]) => nodes.map((n) => n.code).sort();
      expect(sortedCodes(mine)).toEqual(sortedCodes(every.filter((n) => n.viewerCan.updateStatus)));
      expect(mine.length + others.length).toBe(every.length);
      expect(others.some((n) => n.viewerCan.updateStatus)).toBe(false);
      seen[email] = mine.length;
    }
    // Each role's answer differs, so the test would notice a filter that ignores the viewer.
    expect(seen).toMatchObject({ 'admin@tiltak.test': all.length, 'rad@tiltak.test': 0 });
    expect(seen['leder@tiltak.test']).toBeGreaterThan(0);
    expect(seen['koordinator.nes@tiltak.test']).toBeGreaterThan(seen['leder@tiltak.test']);
  });

  it('answers a page of 100 actions with parties, municipalities and milestones in a fixed number of statements', async () => {
    const count = async (first: number) => {
      api.statements.length = 0;
      await page({}, first);
      return api.statements.length;
    };
    const forFive = await count(5);
    const forAll = await count(100);

    expect(all.length).toBeGreaterThan(40);
    expect(forAll).toBe(forFive);
    expect(forAll).toBeLessThanOrEqual(10);
  });

  it('answers viewerCan on a page of actions from the loaders its scope already uses: no statement more', async () => {
    const coordinator = await api.as('koordinator.nes@tiltak.test');
    const abilities =
      'viewerCan { updateStatus edit changeMunicipalities editMilestones reshapeMilestones manageInvolvements nameProjectLeads }';
    const scope = 'municipalities { municipality { id } } involvements { id } projectLeads { userId }';
    const count = async (selection: string, first = 100) => {
      api.statements.length = 0;
      await coordinator.data(`{ actions(first: ${first}) { edges { node { id ${selection} } } } }`);
      return api.statements.length;
    };

    const withScope = await count(scope);
    expect(await count(`${scope} ${abilities}`)).toBe(withScope);
    // On its own it costs the same batches for five actions as for a hundred.
    expect(await count(abilities)).toBe(await count(abilities, 5));
    expect(await count(abilities)).toBeLessThanOrEqual(withScope);
  });

  it('gives an action by id with its history, lead and explanation', async () => {
    const withHistory = await api.db.dataSource.query(
      'SELECT action_id FROM status_update GROUP BY action_id ORDER BY count(*) DESC LIMIT 1',
    );
    const { action } = await api.data<{
      action: {
        code: string;
        lead: { role: string; party: { name: string } };
        history: { createdAt: string }[];
        progressExplanation: { source: string; progress: number; milestones: { weight: number; completed: boolean }[] };
        progress: number;
      };
    }>(
      `query($id: ID!) { action(id: $id) { code progress lead { role party { name } } history { createdAt }
        progressExplanation { source progress milestones { weight completed } } } }`,
      { id: withHistory[0].action_id },
    );
    expect(action.lead.role).toBe('LEAD');
    expect(action.history.length).toBeGreaterThan(0);
    const times = action.history.map((h) => h.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(action.progressExplanation.progress).toBe(action.progress);
    await expect(api.data('{ action(id: "00000000-0000-4000-8000-000000000000") { id } }')).resolves.toEqual({
      action: null,
    });
  });

  it('lists upcoming and overdue milestones of unfinished actions', async () => {
    const today = osloDate();
    const { upcomingMilestones, overdueMilestones } = await api.data<{
      upcomingMilestones: { dueDate: string; completedOn: null; overdue: boolean }[];
      overdueMilestones: { dueDate: string; overdue: boolean }[];
    }>('{ upcomingMilestones(days: 30) { dueDate completedOn overdue } overdueMilestones { dueDate overdue } }');
    const in30 = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);

    expect(upcomingMilestones.every((m) => m.dueDate >= today && m.dueDate <= in30 && !m.overdue)).toBe(true);
    expect(overdueMilestones.length).toBeGreaterThan(0);
    expect(overdueMilestones.every((m) => m.dueDate < today && m.overdue)).toBe(true);
    const dates = overdueMilestones.map((m) => m.dueDate);
    expect([...dates].sort()).toEqual(dates);
  });

  it('maps who does what, neighbouring regions included', async () => {
    const { whoDoesWhat, parties } = await api.data<{
      whoDoesWhat: {
        party: { kind: string };
        total: { lead: number; partner: number; strategic: number; operational: number };
      }[];
      parties: { kind: string }[];
    }>('{ whoDoesWhat { party { kind } total { lead partner strategic operational } } parties { kind } }');
    const involvements = Number((await api.db.dataSource.query('SELECT count(*) AS n FROM involvement'))[0].n);

    expect(whoDoesWhat).toHaveLength(parties.length);
    expect(whoDoesWhat.reduce((n, row) => n + row.total.lead + row.total.partner, 0)).toBe(involvements);
    expect(whoDoesWhat.reduce((n, row) => n + row.total.strategic + row.total.operational, 0)).toBe(involvements);
    expect(new Set(parties.map((p) => p.kind)).size).toBe(PARTY_KINDS.length);
    const { whoDoesWhat: neighbours } = await api.data<{
      whoDoesWhat: { party: { kind: string }; total: { lead: number; partner: number } }[];
    }>('{ whoDoesWhat(kinds: [NEIGHBOUR_REGION]) { party { kind } total { lead partner } } }');
    expect(neighbours.length).toBeGreaterThan(0);
    expect(neighbours.every((row) => row.party.kind === 'NEIGHBOUR_REGION')).toBe(true);
    expect(neighbours.some((row) => row.total.lead + row.total.partner > 0)).toBe(true);
  });

  it('gives each party its actions and project leads, for all parties in a fixed number of statements', async () => {
    type Party = { id: string; actions: { code: string }[]; projectLeads: { name: string }[] | null };
    api.statements.length = 0;
    const { parties } = await api.data<{ parties: Party[] }>(
      '{ parties { id actions { code } projectLeads { name } } }',
    );
    const statements = api.statements.length;
    const involved = all.filter((a) => a.involvements.some((i) => i.party.id === parties[0].id)).map((a) => a.code);

    expect(parties.length).toBeGreaterThan(20);
    expect(statements).toBeLessThanOrEqual(8);
    expect(parties[0].actions.map((a) => a.code).sort()).toEqual([...involved].sort());
    const leadsParty = parties.filter((p) => p.projectLeads?.some((lead) => lead.name));
    expect(leadsParty).toHaveLength(1);
    expect(leadsParty[0].actions.length).toBeGreaterThan(0);
  });

  it('gives indicators with their yearly series and the municipalities’ decisions', async () => {
    const { indicators, adoptions } = await api.data<{
      indicators: {
        name: string;
        baseline: number;
        target: number;
        computed: boolean;
        values: { year: number; value: number }[];
      }[];
      adoptions: { status: string; focusAreaId: string | null; decidedOn: string | null }[];
    }>(
      '{ indicators { name baseline target computed values { year value } } adoptions { status focusAreaId decidedOn } }',
    );

    expect(indicators.length).toBeGreaterThan(3);
    // One published year (2025) for each of the six municipalities, and no year not yet published;
    // the register's indicators have every year of the programme so far (networks.int-spec.ts).
    const typed = indicators.filter((i) => !i.computed);
    expect(typed.every((i) => i.values.length >= 6)).toBe(true);
    expect(typed.flatMap((i) => i.values).every((v) => v.year <= 2025)).toBe(true);
    expect(indicators.filter((i) => i.computed).map((i) => i.name)).toEqual(['Nye klynger', 'Nye nettverk']);
    expect(adoptions.filter((a) => a.focusAreaId === null)).toHaveLength(6);
    expect(adoptions.every((a) => a.status === 'PROPOSED' || a.decidedOn)).toBe(true);
  });
});
