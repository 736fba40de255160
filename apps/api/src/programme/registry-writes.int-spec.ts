import { startTestApi, type TestApi } from '../testing/test-api';

describe('writing parties, focus areas, indicators and decisions', () => {
  let api: TestApi;
  let municipalities: Record<string, string>;
  let focusAreas: Record<string, string>;

  const events = async (entity: string): Promise<number> =>
    Number((await api.db.dataSource.query('SELECT count(*) AS n FROM change_event WHERE entity = $1', [entity]))[0].n);

  beforeAll(async () => {
    api = await startTestApi();
    const data = await api.data<{
      municipalities: { id: string; name: string }[];
      focusAreas: { id: string; code: string }[];
    }>('{ municipalities { id name } focusAreas { id code } }');
    municipalities = Object.fromEntries(data.municipalities.map((m) => [m.name, m.id]));
    focusAreas = Object.fromEntries(data.focusAreas.map((f) => [f.code, f.id]));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('creates and edits a party at its version', async () => {
    const { createParty } = await api.data<{ createParty: { id: string; version: number; contact: { name: string } } }>(
      `mutation($input: CreatePartyInput!) { createParty(input: $input) { id version contact { name email } } }`,
      {
        input: {
          name: 'Testklyngen for sirkulær emballasje',
          kind: 'CLUSTER',
          homeMunicipalityId: municipalities['Nes'],
          contactName: 'Kari Nordmann',
          contactEmail: 'kari@klyngen.test',
          website: 'https://klyngen.test',
        },
      },
    );
    expect(createParty.contact.name).toBe('Kari Nordmann');
    const update = `mutation($input: UpdatePartyInput!) { updateParty(input: $input) { name version homeMunicipality { name } } }`;

    const { updateParty } = await api.data<{
      updateParty: { name: string; version: number; homeMunicipality: { name: string } };
    }>(update, { input: { partyId: createParty.id, expectedVersion: 1, name: 'Klyngen for sirkulær emballasje' } });
    expect(updateParty).toEqual({
      name: 'Klyngen for sirkulær emballasje',
      version: 2,
      homeMunicipality: { name: 'Nes' },
    });

    const stale = await api.gql(update, {
      input: { partyId: createParty.id, expectedVersion: 1, name: 'Overskrevet' },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { version: 2 } });
    const invalid = await api.gql(update, {
      input: { partyId: createParty.id, expectedVersion: 2, contactEmail: 'ikke-en-adresse' },
    });
    expect(invalid.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactEmail' });
    expect(await events('party')).toBe(2);
  });

  it('adds and renames a focus area at its version', async () => {
    const { createFocusArea } = await api.data<{ createFocusArea: { id: string; version: number } }>(
      `mutation { createFocusArea(input: { code: "KOMP", name: "Kompetanse" }) { id version } }`,
    );
    const rename = `mutation($input: UpdateFocusAreaInput!) { updateFocusArea(input: $input) { name version } }`;
    const { updateFocusArea } = await api.data<{ updateFocusArea: { name: string; version: number } }>(rename, {
      input: { focusAreaId: createFocusArea.id, expectedVersion: 1, name: 'Kompetanse og rekruttering' },
    });
    expect(updateFocusArea).toEqual({ name: 'Kompetanse og rekruttering', version: 2 });
    const stale = await api.gql(rename, { input: { focusAreaId: createFocusArea.id, expectedVersion: 1, name: 'X' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const duplicate = await api.gql(`mutation { createFocusArea(input: { code: "LOG", name: "Igjen" }) { id } }`);
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
  });

  it('records indicators and their yearly values, each value at its version', async () => {
    const { createIndicator } = await api.data<{ createIndicator: { id: string } }>(
      `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`,
      {
        input: {
          name: 'Nye lærlingplasser',
          unit: 'plasser',
          focusAreaId: focusAreas['LOG'],
          baseline: 10,
          target: 40,
          targetYear: 2028,
        },
      },
    );
    const set = `mutation($input: SetIndicatorValueInput!) { setIndicatorValue(input: $input) { year value version } }`;
    const key = { indicatorId: createIndicator.id, municipalityId: municipalities['Eidsvoll'], year: 2026 };

    await expect(api.data(set, { input: { ...key, value: 12 } })).resolves.toEqual({
      setIndicatorValue: { year: 2026, value: 12, version: 1 },
    });
    const withoutVersion = await api.gql(set, { input: { ...key, value: 13 } });
    expect(withoutVersion.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
    await expect(api.data(set, { input: { ...key, value: 14.5, expectedVersion: 1 } })).resolves.toEqual({
      setIndicatorValue: { year: 2026, value: 14.5, version: 2 },
    });
    const stale = await api.gql(set, { input: { ...key, value: 99, expectedVersion: 1 } });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', current: { value: 14.5 } });

    const { updateIndicator } = await api.data<{ updateIndicator: { target: number; version: number } }>(
      `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { target version } }`,
      { input: { indicatorId: createIndicator.id, expectedVersion: 1, target: 50 } },
    );
    expect(updateIndicator).toEqual({ target: 50, version: 2 });
  });

  it('moves a municipality’s decision from proposed to adopted, at its version', async () => {
    const set = `mutation($input: SetAdoptionInput!) { setAdoption(input: $input) { status decidedOn version } }`;
    const base = {
      municipalityId: municipalities['Gjerdrum'],
      focusAreaId: focusAreas['KRE'],
      caseReference: '2026/77',
    };

    const undated = await api.gql(set, { input: { ...base, status: 'ADOPTED' } });
    expect(undated.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidedOn' });
    await expect(api.data(set, { input: { ...base, status: 'PROPOSED' } })).resolves.toEqual({
      setAdoption: { status: 'PROPOSED', decidedOn: null, version: 1 },
    });
    await expect(
      api.data(set, { input: { ...base, status: 'ADOPTED', decidedOn: '2026-10-20', expectedVersion: 1 } }),
    ).resolves.toEqual({ setAdoption: { status: 'ADOPTED', decidedOn: '2026-10-20', version: 2 } });
    const stale = await api.gql(set, {
      input: { ...base, status: 'REJECTED', decidedOn: '2026-11-01', expectedVersion: 1 },
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await events('adoption')).toBe(2);
  });

  it('keeps an organisation number only when its check digit holds, and clears it when asked', async () => {
    const create = `mutation($input: CreatePartyInput!) { createParty(input: $input) { id version organisationNumber } }`;
    const update = `mutation($input: UpdatePartyInput!) { updateParty(input: $input) { version organisationNumber } }`;
    const before = await events('party');

    const wrong = await api.gql(create, {
      input: { name: 'Feil nummer AS', kind: 'BUSINESS', organisationNumber: '974760674' },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organisationNumber',
      reason: 'INVALID_ORGANISATION_NUMBER',
    });
    expect(await events('party')).toBe(before);

    const { createParty } = await api.data<{
      createParty: { id: string; version: number; organisationNumber: string };
    }>(create, { input: { name: 'Riktig nummer AS', kind: 'BUSINESS', organisationNumber: '974760673' } });
    expect(createParty.organisationNumber).toBe('974760673');
    const { updateParty } = await api.data<{ updateParty: { organisationNumber: string | null } }>(update, {
      input: { partyId: createParty.id, expectedVersion: createParty.version, organisationNumber: '' },
    });
    expect(updateParty.organisationNumber).toBeNull();
  });
});
