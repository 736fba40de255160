import { startTestApi, type TestApi } from '../testing/test-api';

interface Network {
  id: string;
  name: string;
  kind: string;
  foundedOn: string;
  version: number;
  totalMembers: number;
  party: { name: string } | null;
  foundingAction: { code: string } | null;
  memberships: { municipality: { name: string }; members: number; version: number }[];
}

interface Regional {
  year: number;
  value: number | null;
  method: string;
  reportedMunicipalityCount: number;
  missingMunicipalities: { name: string }[];
  sumOfMunicipalValues: number;
  networks: { name: string }[];
}

interface Indicator {
  id: string;
  name: string;
  source: string;
  computed: boolean;
  version: number;
  values: { municipalityId: string; year: number; value: number; computed: boolean; networks: { name: string }[] }[];
  regionalValues: Regional[];
}

const NETWORK = `id name kind foundedOn version totalMembers party { name } foundingAction { code }
  memberships { municipality { name } members version }`;
const INDICATOR = `id name source computed version
  values { municipalityId year value computed networks { name } }
  regionalValues { year value method reportedMunicipalityCount missingMunicipalities { name } sumOfMunicipalValues networks { name } }`;

const CREATE = `mutation($input: CreateNetworkInput!) { createNetwork(input: $input) { ${NETWORK} } }`;
const UPDATE = `mutation($input: UpdateNetworkInput!) { updateNetwork(input: $input) { ${NETWORK} } }`;
const MEMBERS = `mutation($input: SetNetworkMembershipInput!) { setNetworkMembership(input: $input) { members version municipality { name } } }`;

describe('the register of networks and clusters, and the indicators made from it', () => {
  let api: TestApi;
  let municipalities: Record<string, string>;
  let actions: Record<string, string>;

  const registerState = async () =>
    (
      await api.db.dataSource.query(
        `SELECT (SELECT count(*) FROM network)::int AS networks, (SELECT count(*) FROM network_membership)::int AS memberships,
                (SELECT coalesce(sum(members), 0)::int FROM network_membership) AS members,
                (SELECT count(*) FROM indicator)::int AS indicators, (SELECT count(*) FROM indicator_value)::int AS "values",
                (SELECT md5(string_agg(n::text, '|' ORDER BY n.id)) FROM network n) AS rows,
                (SELECT md5(string_agg(i::text, '|' ORDER BY i.id)) FROM indicator i) AS "indicatorRows",
                (SELECT count(*) FROM change_event)::int AS events`,
      )
    )[0] as Record<string, unknown>;
  /** One indicator at a time: the explanation of every year of every indicator is over the cost limit. */
  const indicatorNamed = async (name: string): Promise<Indicator> => {
    const { indicators } = await api.data<{ indicators: { id: string; name: string }[] }>('{ indicators { id name } }');
    const { id } = indicators.find((i) => i.name === name)!;
    return (await api.data<{ indicator: Indicator }>(`query($id: ID!) { indicator(id: $id) { ${INDICATOR} } }`, { id }))
      .indicator;
  };
  const networkNamed = async (name: string): Promise<Network> =>
    (await api.data<{ networks: Network[] }>(`{ networks { ${NETWORK} } }`)).networks.find((n) => n.name === name)!;
  const valueOf = (indicator: Indicator, municipality: string, year: number) =>
    indicator.values.find((v) => v.municipalityId === municipalities[municipality] && v.year === year)?.value;
  const regional = (indicator: Indicator, year: number) => indicator.regionalValues.find((r) => r.year === year)!;
  /** Runs a write that must be refused, and holds that nothing was written. */
  const refused = async (document: string, input: Record<string, unknown>, client = api as Pick<TestApi, 'gql'>) => {
    const before = await registerState();
    const { errors } = await client.gql(document, { input });
    expect(await registerState()).toEqual(before);
    return errors?.[0].extensions;
  };

  beforeAll(async () => {
    api = await startTestApi();
    const frame = await api.data<{
      municipalities: { id: string; name: string }[];
      actions: { edges: { node: { id: string; code: string } }[] };
    }>('{ municipalities { id name } actions(first: 100) { edges { node { id code } } } }');
    municipalities = Object.fromEntries(frame.municipalities.map((m) => [m.name, m.id]));
    actions = Object.fromEntries(frame.actions.edges.map((e) => [e.node.code, e.node.id]));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('reads the register with members per municipality, the party and the founding action, both ways', async () => {
    const { networks } = await api.data<{ networks: Network[] }>(`{ networks { ${NETWORK} } }`);
    expect(networks.map((n) => n.foundedOn)).toEqual(
      networks
        .map((n) => n.foundedOn)
        .sort()
        .reverse(),
    );
    const logistics = networks.find((n) => n.name === 'Logistikknettverket rundt Oslo lufthavn')!;
    expect(logistics).toMatchObject({ kind: 'NETWORK', totalMembers: 31, foundingAction: { code: 'LOG-1' } });
    expect(logistics.memberships.map((m) => m.municipality.name)).toEqual([
      'Eidsvoll',
      'Gjerdrum',
      'Nannestad',
      'Nes',
      'Ullensaker',
    ]);
    expect(networks.find((n) => n.name === 'Klyngen for bioøkonomi')?.party).toEqual({
      name: 'Klyngen for bioøkonomi',
    });

    const { networks: clusters } = await api.data<{ networks: { kind: string }[] }>(
      '{ networks(kind: CLUSTER) { kind } }',
    );
    expect(clusters.length).toBe(3);
    expect(clusters.every((c) => c.kind === 'CLUSTER')).toBe(true);

    const { action } = await api.data<{ action: { foundedNetworks: { name: string }[] } }>(
      'query($id: ID!) { action(id: $id) { foundedNetworks { name } } }',
      { id: actions['LOG-1'] },
    );
    expect(action.foundedNetworks).toEqual([{ name: 'Logistikknettverket rundt Oslo lufthavn' }]);
    await expect(api.data('query($id: ID!) { network(id: $id) { name } }', { id: logistics.id })).resolves.toEqual({
      network: { name: logistics.name },
    });
    await expect(
      api.data('query($id: ID!) { network(id: $id) { name } }', { id: '00000000-0000-4000-8000-000000000000' }),
    ).resolves.toEqual({ network: null });
  });

  it('answers the register and the indicators made from it in a fixed number of statements', async () => {
    const count = async (query: string) => {
      api.statements.length = 0;
      await api.data(query);
      return api.statements.length;
    };
    const register = (filter: string) =>
      count(`{ networks${filter} { ${NETWORK} viewerCan { edit recordMembersIn } } }`);
    // Six networks (with parties and founding actions) cost what all nine do.
    const networks = await register('(kind: NETWORK)');
    const all = await register('');
    expect(all).toBe(networks);
    expect(all).toBeLessThanOrEqual(8);
    // Every indicator with its values and the region's: one read per register, not per indicator or year.
    expect(
      await count(
        `{ indicators { id values { year value } regionalValues { year value method sumOfMunicipalValues } } }`,
      ),
    ).toBeLessThanOrEqual(10);
  });

  it('computes "new networks" from the register: per municipality, and each network once in the region', async () => {
    const indicator = await indicatorNamed('Nye nettverk');
    expect(indicator).toMatchObject({ source: 'NETWORK_REGISTER', computed: true });
    expect(indicator.values.every((v) => v.computed)).toBe(true);
    // 2025: the logistics network (five municipalities) and the creative one (four).
    expect(valueOf(indicator, 'Eidsvoll', 2025)).toBe(2);
    expect(valueOf(indicator, 'Hurdal', 2025)).toBe(1);
    expect(valueOf(indicator, 'Gjerdrum', 2025)).toBe(1);
    expect(regional(indicator, 2025)).toEqual({
      year: 2025,
      value: 2,
      method: 'DISTINCT_IN_REGISTER',
      reportedMunicipalityCount: 6,
      missingMunicipalities: [],
      sumOfMunicipalValues: 9,
      networks: [{ name: 'Logistikknettverket rundt Oslo lufthavn' }, { name: 'Nettverk for kreative næringer' }],
    });
    // Networks founded before the programme are not new in it.
    expect(indicator.values.every((v) => v.year >= 2025)).toBe(true);
    const clusters = await indicatorNamed('Nye klynger');
    expect(regional(clusters, 2025).value).toBe(0);
  });

  it('counts a network someone records, with its members, in the indicator and the regional total', async () => {
    const before = await indicatorNamed('Nye nettverk');
    const { createNetwork } = await api.data<{ createNetwork: Network }>(CREATE, {
      input: {
        name: 'Nettverk for sirkulær emballasje',
        kind: 'NETWORK',
        foundedOn: '2025-09-01',
        foundingActionId: actions['BIO-2'],
      },
    });
    expect(createNetwork).toMatchObject({ version: 1, totalMembers: 0, foundingAction: { code: 'BIO-2' } });
    // No members yet: it counts nowhere.
    expect(regional(await indicatorNamed('Nye nettverk'), 2025).value).toBe(2);

    for (const [name, members] of [
      ['Hurdal', 4],
      ['Nes', 2],
      ['Gjerdrum', 0],
    ] as const) {
      await api.data(MEMBERS, {
        input: { networkId: createNetwork.id, municipalityId: municipalities[name], members },
      });
    }
    const after = await indicatorNamed('Nye nettverk');
    expect(valueOf(after, 'Hurdal', 2025)).toBe(valueOf(before, 'Hurdal', 2025)! + 1);
    expect(valueOf(after, 'Nes', 2025)).toBe(valueOf(before, 'Nes', 2025)! + 1);
    // Zero members is no member.
    expect(valueOf(after, 'Gjerdrum', 2025)).toBe(valueOf(before, 'Gjerdrum', 2025));
    expect(regional(after, 2025)).toMatchObject({ value: 3, sumOfMunicipalValues: 11 });
    expect(regional(after, 2025).networks.map((n) => n.name)).toContain('Nettverk for sirkulær emballasje');
    const hurdal = after.values.find((v) => v.municipalityId === municipalities['Hurdal'] && v.year === 2025)!;
    expect(hurdal.networks.map((n) => n.name)).toEqual([
      'Nettverk for kreative næringer',
      'Nettverk for sirkulær emballasje',
    ]);

    const { action } = await api.data<{ action: { foundedNetworks: { name: string }[] } }>(
      'query($id: ID!) { action(id: $id) { foundedNetworks { name } } }',
      { id: actions['BIO-2'] },
    );
    expect(action.foundedNetworks).toEqual([{ name: 'Nettverk for sirkulær emballasje' }]);

    // Moved to another year, it leaves 2025 and counts in 2026.
    await api.data(UPDATE, { input: { networkId: createNetwork.id, expectedVersion: 1, foundedOn: '2026-01-15' } });
    const moved = await indicatorNamed('Nye nettverk');
    expect(regional(moved, 2025).value).toBe(2);
    expect(regional(moved, 2026).networks.map((n) => n.name)).toContain('Nettverk for sirkulær emballasje');

    const events = await api.db.dataSource.query(
      `SELECT entity, entity_id AS "entityId", operation FROM change_event WHERE entity LIKE 'network%' ORDER BY seq`,
    );
    expect(events).toEqual([
      { entity: 'network', entityId: createNetwork.id, operation: 'CREATE' },
      {
        entity: 'network_membership',
        entityId: `${createNetwork.id}:${municipalities['Hurdal']}`,
        operation: 'CREATE',
      },
      { entity: 'network_membership', entityId: `${createNetwork.id}:${municipalities['Nes']}`, operation: 'CREATE' },
      {
        entity: 'network_membership',
        entityId: `${createNetwork.id}:${municipalities['Gjerdrum']}`,
        operation: 'CREATE',
      },
      { entity: 'network', entityId: createNetwork.id, operation: 'UPDATE' },
    ]);
  });

  it('changes a network and its members only at their versions', async () => {
    const network = await networkNamed('Gründernettverket i regionen');
    const stale = await refused(UPDATE, { networkId: network.id, expectedVersion: network.version + 1, name: 'X' });
    expect(stale).toMatchObject({ code: 'CONFLICT', current: { name: 'Gründernettverket i regionen' } });
    const { updateNetwork } = await api.data<{ updateNetwork: Network }>(UPDATE, {
      input: { networkId: network.id, expectedVersion: network.version, endedOn: '2026-06-30' },
    });
    expect(updateNetwork.version).toBe(network.version + 1);

    const ullensaker = network.memberships.find((m) => m.municipality.name === 'Ullensaker')!;
    const key = { networkId: network.id, municipalityId: municipalities['Ullensaker'] };
    expect(await refused(MEMBERS, { ...key, members: 13 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'VERSION_REQUIRED',
      field: 'expectedVersion',
    });
    await expect(
      api.data(MEMBERS, { input: { ...key, members: 13, expectedVersion: ullensaker.version } }),
    ).resolves.toEqual({
      setNetworkMembership: { members: 13, version: ullensaker.version + 1, municipality: { name: 'Ullensaker' } },
    });
    expect(await refused(MEMBERS, { ...key, members: 14, expectedVersion: ullensaker.version })).toMatchObject({
      code: 'CONFLICT',
      current: { members: 13 },
    });
  });

  it('refuses bad input with its field and reason, and writes nothing', async () => {
    const bio = await networkNamed('Klyngen for bioøkonomi');
    const { parties } = await api.data<{ parties: { id: string; name: string; kind: string }[] }>(
      '{ parties { id name kind } }',
    );
    const business = parties.find((p) => p.kind === 'BUSINESS')!;
    const network = (extra: Record<string, unknown>) => ({
      name: 'Nytt nettverk',
      kind: 'NETWORK',
      foundedOn: '2026-02-01',
      ...extra,
    });
    const cases: [Record<string, unknown>, Record<string, unknown>][] = [
      [network({ name: 'klyngen for BIOØKONOMI' }), { field: 'name', reason: 'NETWORK_NAME_TAKEN' }],
      [network({ name: '   ' }), { field: 'name', reason: 'NAME_REQUIRED' }],
      [network({ name: 'x'.repeat(201) }), { code: 'BAD_USER_INPUT' }],
      [network({ foundedOn: '2026-02-30' }), { field: 'foundedOn', reason: 'INVALID_DATE' }],
      [network({ foundedOn: '1.2.2026' }), { code: 'BAD_USER_INPUT' }],
      [network({ foundedOn: '2999-01-01' }), { field: 'foundedOn', reason: 'FOUNDED_IN_FUTURE' }],
      [network({ endedOn: '2026-01-31' }), { field: 'endedOn', reason: 'ENDED_BEFORE_FOUNDED' }],
      [network({ partyId: business.id }), { field: 'partyId', reason: 'PARTY_KIND_MISMATCH' }],
      [
        network({ kind: 'CLUSTER', partyId: bio.party && parties.find((p) => p.name === bio.party!.name)!.id }),
        { field: 'partyId', reason: 'PARTY_TAKEN' },
      ],
      [network({ partyId: '00000000-0000-4000-8000-000000000000' }), { field: 'partyId', reason: 'UNKNOWN_PARTY' }],
      [
        network({ foundingActionId: '00000000-0000-4000-8000-000000000000' }),
        { field: 'foundingActionId', reason: 'UNKNOWN_ACTION' },
      ],
      [network({ kind: 'FORENING' }), { code: 'BAD_USER_INPUT' }],
    ];
    for (const [input, expected] of cases) {
      expect({ input, refusal: await refused(CREATE, input) }).toMatchObject({
        input,
        refusal: { code: 'BAD_USER_INPUT', ...expected },
      });
    }

    // A network that acts as a party of its kind cannot change kind away from it.
    expect(await refused(UPDATE, { networkId: bio.id, expectedVersion: bio.version, kind: 'NETWORK' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PARTY_KIND_MISMATCH',
    });
    expect(
      await refused(UPDATE, { networkId: '00000000-0000-4000-8000-000000000000', expectedVersion: 1, name: 'X' }),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'NETWORK_NOT_FOUND' });

    const key = { networkId: bio.id, municipalityId: municipalities['Hurdal'] };
    const bioHurdal = bio.memberships.find((m) => m.municipality.name === 'Hurdal')!.version;
    for (const [input, expected] of [
      [{ ...key, members: -1, expectedVersion: bioHurdal }, { code: 'BAD_USER_INPUT' }],
      [{ ...key, members: 100_001, expectedVersion: bioHurdal }, { code: 'BAD_USER_INPUT' }],
      [{ ...key, members: 1.5, expectedVersion: bioHurdal }, { code: 'BAD_USER_INPUT' }],
      [
        { ...key, municipalityId: '00000000-0000-4000-8000-000000000000', members: 1 },
        { reason: 'UNKNOWN_MUNICIPALITY' },
      ],
      [{ ...key, networkId: '00000000-0000-4000-8000-000000000000', members: 1 }, { code: 'NOT_FOUND' }],
    ] as const) {
      expect(await refused(MEMBERS, input)).toMatchObject(expected);
    }
  });

  it('lets a coordinator record their own municipality’s members, and the programme alone keep the register', async () => {
    const nes = await api.as('koordinator.nes@tiltak.test');
    const network = await networkNamed('Klyngen for logistikk og transport');
    const { network: seen } = await nes.data<{ network: { viewerCan: { edit: boolean; recordMembersIn: string[] } } }>(
      'query($id: ID!) { network(id: $id) { viewerCan { edit recordMembersIn } } }',
      { id: network.id },
    );
    expect(seen.viewerCan).toEqual({ edit: false, recordMembersIn: [municipalities['Nes']] });

    const nesMembers = network.memberships.find((m) => m.municipality.name === 'Nes')!;
    await expect(
      nes.data(MEMBERS, {
        input: {
          networkId: network.id,
          municipalityId: municipalities['Nes'],
          members: 5,
          expectedVersion: nesMembers.version,
        },
      }),
    ).resolves.toMatchObject({ setNetworkMembership: { members: 5 } });
    expect(
      await refused(
        MEMBERS,
        { networkId: network.id, municipalityId: municipalities['Eidsvoll'], members: 9, expectedVersion: 1 },
        nes,
      ),
    ).toMatchObject({ code: 'FORBIDDEN', reason: 'RECORD_NETWORK_MEMBERSHIP' });
    expect(
      await refused(CREATE, { name: 'Nes-nettverket', kind: 'NETWORK', foundedOn: '2026-01-01' }, nes),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });

    for (const email of ['rad@tiltak.test', 'leder@tiltak.test']) {
      const client = await api.as(email);
      expect(
        await refused(MEMBERS, { networkId: network.id, municipalityId: municipalities['Nes'], members: 1 }, client),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        await refused(UPDATE, { networkId: network.id, expectedVersion: network.version, name: 'X' }, client),
      ).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await refused(CREATE, { name: 'X', kind: 'NETWORK', foundedOn: '2026-01-01' }, api.anonymous)).toMatchObject(
      {
        code: 'UNAUTHENTICATED',
      },
    );
  });

  it('keeps the register from signed-out visitors where the dashboard is not public, as the rest of the programme', async () => {
    const { data, errors } = await api.anonymous.gql<{ networks: unknown[] }>('{ networks { name } }');
    // The test API is not a public dashboard: signed out reads nothing.
    expect({ data, code: errors?.[0].extensions?.code }).toEqual({ data: null, code: 'UNAUTHENTICATED' });
  });
});

describe('indicator sources and regional totals', () => {
  let api: TestApi;
  let municipalities: Record<string, string>;

  const CREATE_INDICATOR = `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) {
    id source sourceReference publicationLagMonths summable computed version } }`;
  const UPDATE_INDICATOR = `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) {
    source sourceReference publicationLagMonths summable version } }`;
  const SET_VALUE = `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { value version } }`;
  const base = { name: 'Sysselsatte', unit: 'personer', baseline: 1, target: 2, targetYear: 2028 };
  const tableState = async () =>
    (
      await api.db.dataSource.query(
        `SELECT (SELECT md5(coalesce(string_agg(i::text, '|' ORDER BY i.id), '')) FROM indicator i) AS indicators,
                (SELECT count(*) FROM indicator_value)::int AS "values", (SELECT count(*) FROM change_event)::int AS events`,
      )
    )[0] as Record<string, unknown>;
  const refused = async (document: string, input: Record<string, unknown>) => {
    const before = await tableState();
    const { errors } = await api.gql(document, { input });
    expect(await tableState()).toEqual(before);
    return errors?.[0].extensions;
  };
  const regionalOf = async (id: string) =>
    (
      await api.data<{ indicator: { regionalValues: Regional[] } }>(
        `query($id: ID!) { indicator(id: $id) { regionalValues { year value method reportedMunicipalityCount
          missingMunicipalities { name } sumOfMunicipalValues networks { name } } } }`,
        { id },
      )
    ).indicator.regionalValues;

  beforeAll(async () => {
    api = await startTestApi();
    const { municipalities: list } = await api.data<{ municipalities: { id: string; name: string }[] }>(
      '{ municipalities { id name } }',
    );
    municipalities = Object.fromEntries(list.map((m) => [m.name, m.id]));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records an SSB source with its table id and publication lag, and another with its name', async () => {
    const { createIndicator } = await api.data<{ createIndicator: Record<string, unknown> }>(CREATE_INDICATOR, {
      input: { ...base, source: 'SSB', sourceReference: '07459', publicationLagMonths: 2 },
    });
    expect(createIndicator).toMatchObject({
      source: 'SSB',
      sourceReference: '07459',
      publicationLagMonths: 2,
      summable: true,
      computed: false,
    });
    const { updateIndicator } = await api.data<{ updateIndicator: Record<string, unknown> }>(UPDATE_INDICATOR, {
      input: {
        indicatorId: createIndicator['id'],
        expectedVersion: 1,
        source: 'OTHER',
        sourceReference: 'Kommunenes egne tall',
        summable: false,
      },
    });
    expect(updateIndicator).toEqual({
      source: 'OTHER',
      sourceReference: 'Kommunenes egne tall',
      publicationLagMonths: 2,
      summable: false,
      version: 2,
    });
    const { indicators } = await api.data<{ indicators: { name: string; source: string; sourceReference: string }[] }>(
      '{ indicators { name source sourceReference } }',
    );
    expect(indicators.find((i) => i.name === 'Befolkning 1. januar')).toMatchObject({
      source: 'SSB',
      sourceReference: '07459',
    });
  });

  it('refuses a reference that does not fit its source, and a lag out of range, writing nothing', async () => {
    const cases: [Record<string, unknown>, string | undefined][] = [
      [{ source: 'SSB', sourceReference: '7459' }, 'SSB_TABLE_ID'],
      [{ source: 'SSB', sourceReference: 'Befolkning' }, 'SSB_TABLE_ID'],
      [{ source: 'SSB' }, 'SSB_TABLE_ID'],
      [{ source: 'OTHER', sourceReference: '  ' }, 'REFERENCE_REQUIRED'],
      [{ source: 'NETWORK_REGISTER', sourceReference: '07459' }, 'NO_REFERENCE_FOR_REGISTER'],
      [{ publicationLagMonths: 61 }, undefined],
      [{ publicationLagMonths: -1 }, undefined],
      [{ sourceReference: 'x'.repeat(201) }, undefined],
    ];
    for (const [extra, reason] of cases) {
      const refusal = await refused(CREATE_INDICATOR, { ...base, ...extra });
      expect({ extra, refusal }).toMatchObject({
        extra,
        refusal: { code: 'BAD_USER_INPUT', ...(reason && { reason }) },
      });
    }
    const { createIndicator } = await api.data<{ createIndicator: { id: string } }>(CREATE_INDICATOR, { input: base });
    expect(
      await refused(UPDATE_INDICATOR, { indicatorId: createIndicator.id, expectedVersion: 1, source: 'SSB' }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SSB_TABLE_ID', field: 'sourceReference' });
  });

  it('refuses a typed value for an indicator the register computes', async () => {
    const { indicators } = await api.data<{ indicators: { id: string; name: string }[] }>('{ indicators { id name } }');
    const networks = indicators.find((i) => i.name === 'Nye nettverk')!;
    expect(
      await refused(SET_VALUE, {
        indicatorId: networks.id,
        municipalityId: municipalities['Nes'],
        year: 2026,
        value: 3,
      }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPUTED', field: 'indicatorId' });
    // Nor may a coordinator, who may type their municipality's other values.
    const nes = await api.as('koordinator.nes@tiltak.test');
    const { errors } = await nes.gql(SET_VALUE, {
      input: { indicatorId: networks.id, municipalityId: municipalities['Nes'], year: 2026, value: 3 },
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COMPUTED' });
  });

  it('adds typed values up exactly for a year every municipality reported, and says why not otherwise', async () => {
    const { createIndicator } = await api.data<{ createIndicator: { id: string } }>(CREATE_INDICATOR, {
      input: { ...base, name: 'Andel i arbeid', unit: 'kroner' },
    });
    const names = Object.keys(municipalities);
    for (const name of names) {
      await api.data(SET_VALUE, {
        input: { indicatorId: createIndicator.id, municipalityId: municipalities[name], year: 2025, value: 0.1 },
      });
    }
    await api.data(SET_VALUE, {
      input: { indicatorId: createIndicator.id, municipalityId: municipalities['Nes'], year: 2026, value: 0.2 },
    });
    const [complete, incomplete] = await regionalOf(createIndicator.id);
    // Six times 0.1 is 0.6 exactly: PostgreSQL adds numeric values, not floating point.
    expect(complete).toEqual({
      year: 2025,
      value: 0.6,
      method: 'SUM_OF_MUNICIPALITIES',
      reportedMunicipalityCount: 6,
      missingMunicipalities: [],
      sumOfMunicipalValues: 0.6,
      networks: [],
    });
    expect(incomplete).toMatchObject({
      year: 2026,
      value: null,
      method: 'INCOMPLETE',
      reportedMunicipalityCount: 1,
      sumOfMunicipalValues: 0.2,
    });
    expect(incomplete.missingMunicipalities.map((m) => m.name)).toEqual(names.filter((n) => n !== 'Nes').sort());

    await api.data(UPDATE_INDICATOR, {
      input: { indicatorId: createIndicator.id, expectedVersion: 1, unit: 'prosent', summable: false },
    });
    const [share] = await regionalOf(createIndicator.id);
    expect(share).toMatchObject({ value: null, method: 'NOT_SUMMABLE', reportedMunicipalityCount: 6 });
  });
});
