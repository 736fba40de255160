import { startTestApi, type GraphqlClient, type TestApi } from '../testing/test-api';

/**
 * Governance: an action of every municipality is changed by the secretariat, or proposed by a
 * coordinator and accepted (or rejected) by the secretariat; and the programme's warnings where an
 * action contradicts a municipality's decision.
 */
interface ActionRow {
  id: string;
  code: string;
  title: string;
  version: number;
  municipalities: { municipality: { name: string } }[];
}

const PROPOSAL_FIELDS = 'id state version baseVersion comment proposedBy decidedBy decisionComment changes { title }';

describe('governance of regional actions', () => {
  let api: TestApi;
  let nes: GraphqlClient;
  let secretariat: GraphqlClient;
  let elected: GraphqlClient;
  let regional: ActionRow;

  const current = async (id: string) =>
    (
      await api.data<{ action: ActionRow }>(
        'query($id: ID!) { action(id: $id) { id code title version municipalities { municipality { name } } } }',
        { id },
      )
    ).action;
  const propose = (client: GraphqlClient, title: string, expectedVersion: number, comment = 'Bedre navn') =>
    client.gql<{ proposeActionChange: { id: string; version: number; state: string } }>(
      `mutation($input: ProposeActionChangeInput!) { proposeActionChange(input: $input) { ${PROPOSAL_FIELDS} } }`,
      { input: { actionId: regional.id, expectedVersion, changes: { title }, comment } },
    );
  const decide = (client: GraphqlClient, name: string, proposalId: string, expectedVersion: number, comment?: string) =>
    client.gql<Record<string, { state: string; version: number }>>(
      `mutation($input: DecideActionProposalInput!) { ${name}(input: $input) { ${PROPOSAL_FIELDS} } }`,
      { input: { proposalId, expectedVersion, ...(comment && { comment }) } },
    );
  const count = async (table: string) =>
    Number((await api.db.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', DEMO_DATA: 'always' });
    nes = await api.as('koordinator.nes@tiltak.test');
    secretariat = await api.as('sekretariat@tiltak.test');
    elected = await api.as('politiker@tiltak.test');
    const { actions } = await api.data<{ actions: { edges: { node: ActionRow }[] } }>(
      '{ actions(first: 100) { edges { node { id code title version municipalities { municipality { name } } } } } }',
    );
    regional = actions.edges.map((e) => e.node).find((a) => a.municipalities.length === 6)!;
    expect(regional).toBeDefined();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets the secretariat, not a coordinator, change an action of every municipality', async () => {
    const update = (client: GraphqlClient, version: number) =>
      client.gql('mutation($input: UpdateActionInput!) { updateAction(input: $input) { version } }', {
        input: { actionId: regional.id, expectedVersion: version, title: 'Endret av sekretariatet' },
      });
    const { data: ability } = await nes.gql<{ action: { viewerCan: { edit: boolean; proposeChanges: boolean } } }>(
      'query($id: ID!) { action(id: $id) { viewerCan { edit proposeChanges } } }',
      { id: regional.id },
    );
    expect(ability?.action.viewerCan).toEqual({ edit: false, proposeChanges: true });

    const refused = await update(nes, regional.version);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const done = await update(secretariat, regional.version);
    expect(done.errors).toBeUndefined();
    regional = await current(regional.id);
    expect(regional.title).toBe('Endret av sekretariatet');
  });

  it('applies a coordinator’s proposal when the secretariat accepts it, through the ordinary update', async () => {
    const events = await count('change_event');
    const { data, errors } = await propose(nes, 'Foreslått tittel', regional.version);
    expect(errors).toBeUndefined();
    const proposal = data!.proposeActionChange;
    expect(proposal.state).toBe('PENDING');
    expect((await current(regional.id)).title).toBe('Endret av sekretariatet');
    expect(await count('change_event')).toBe(events + 1);

    const { data: listed } = await secretariat.gql<{
      actionProposals: { id: string; proposedBy: string | null; action: { id: string } }[];
    }>('{ actionProposals(state: PENDING) { id proposedBy action { id } } }');
    expect(listed?.actionProposals).toContainEqual({
      id: proposal.id,
      proposedBy: 'Næringskoordinator i Nes',
      action: { id: regional.id },
    });
    // Elected officials follow proposals, not who made them.
    const { data: seen } = await elected.gql<{ actionProposals: { id: string; proposedBy: string | null }[] }>(
      '{ actionProposals { id proposedBy } }',
    );
    expect(seen?.actionProposals.find((p) => p.id === proposal.id)?.proposedBy).toBeNull();

    const notYours = await decide(nes, 'acceptActionProposal', proposal.id, proposal.version);
    expect(notYours.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const stale = await decide(secretariat, 'acceptActionProposal', proposal.id, proposal.version + 1);
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');

    const accepted = await decide(secretariat, 'acceptActionProposal', proposal.id, proposal.version);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.['acceptActionProposal']).toMatchObject({
      state: 'ACCEPTED',
      decidedBy: 'Sekretariatet i Gardermoregionen IPR',
    });
    const after = await current(regional.id);
    expect(after).toMatchObject({ title: 'Foreslått tittel', version: regional.version + 1 });
    // The action's update and the proposal's decision, in one transaction.
    expect(await count('change_event')).toBe(events + 3);
    regional = after;

    const again = await decide(secretariat, 'rejectActionProposal', proposal.id, proposal.version + 1, 'Nei');
    expect(again.errors?.[0].extensions?.reason).toBe('NOT_PENDING');
  });

  it('leaves the proposal pending when the action changed since it was made', async () => {
    const { data } = await propose(nes, 'Kommer for sent', regional.version);
    const proposal = data!.proposeActionChange;
    await secretariat.data('mutation($input: UpdateActionInput!) { updateAction(input: $input) { version } }', {
      input: { actionId: regional.id, expectedVersion: regional.version, description: 'Ny beskrivelse' },
    });
    regional = await current(regional.id);

    const { errors } = await decide(secretariat, 'acceptActionProposal', proposal.id, proposal.version);

    expect(errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(regional.title).toBe('Foreslått tittel');
    const [row] = await api.db.dataSource.query('SELECT state FROM action_proposal WHERE id = $1', [proposal.id]);
    expect(row.state).toBe('PENDING');
    expect((await current(regional.id)).title).toBe('Foreslått tittel');
  });

  it('rejects with a reason, and lets only the proposer withdraw', async () => {
    const first = (await propose(nes, 'Avvises', regional.version)).data!.proposeActionChange;
    const noReason = await decide(secretariat, 'rejectActionProposal', first.id, first.version);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REASON_REQUIRED' });
    const rejected = await decide(secretariat, 'rejectActionProposal', first.id, first.version, 'Passer ikke planen');
    expect(rejected.data?.['rejectActionProposal']).toMatchObject({
      state: 'REJECTED',
      decisionComment: 'Passer ikke planen',
    });

    const second = (await propose(nes, 'Trekkes', regional.version)).data!.proposeActionChange;
    const eidsvoll = await api.as('koordinator.eidsvoll@tiltak.test');
    const notTheirs = await decide(eidsvoll, 'withdrawActionProposal', second.id, second.version);
    expect(notTheirs.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const withdrawn = await decide(nes, 'withdrawActionProposal', second.id, second.version);
    expect(withdrawn.data?.['withdrawActionProposal']).toMatchObject({ state: 'WITHDRAWN' });
    expect((await current(regional.id)).title).toBe('Foreslått tittel');
  });

  it('refuses a bad proposal and writes nothing', async () => {
    const before = [await count('action_proposal'), await count('change_event')];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ changes: {}, comment: 'Tomt' }, 'BAD_USER_INPUT', 'NO_CHANGES'],
      [{ changes: { title: 'Gyldig' }, comment: '   ' }, 'BAD_USER_INPUT', 'REASON_REQUIRED'],
      [{ changes: { dueDate: '2020-01-01' }, comment: 'Før start' }, 'BAD_USER_INPUT', 'DUE_BEFORE_START'],
      [{ changes: { title: 'x'.repeat(201) }, comment: 'For lang' }, 'BAD_USER_INPUT', ''],
      [{ changes: { title: 'Gammel' }, comment: 'Utdatert', expectedVersion: 1 }, 'CONFLICT', 'STALE_VERSION'],
    ];
    for (const [input, code, reason] of cases) {
      const { errors } = await nes.gql(
        'mutation($input: ProposeActionChangeInput!) { proposeActionChange(input: $input) { id } }',
        { input: { actionId: regional.id, expectedVersion: regional.version, ...input } },
      );
      expect({ input, code: errors?.[0].extensions?.code }).toEqual({ input, code });
      if (reason) expect(errors?.[0].extensions?.reason).toBe(reason);
    }
    expect([await count('action_proposal'), await count('change_event')]).toEqual(before);
  });

  it('warns where an action lies in a focus area a municipality rejected', async () => {
    const { programmeWarnings } = await elected.data<{
      programmeWarnings: {
        status: string;
        caseReference: string;
        onFocusArea: boolean;
        municipality: { name: string };
        focusArea: { code: string };
        action: { code: string; warnings: { municipality: { name: string } }[] };
      }[];
    }>(
      `{ programmeWarnings { status caseReference onFocusArea municipality { name } focusArea { code }
         action { code warnings { municipality { name } } } } }`,
    );
    const hurdal = programmeWarnings.filter((w) => w.municipality.name === 'Hurdal');
    expect(hurdal.length).toBeGreaterThan(0);
    for (const warning of hurdal) {
      expect(warning).toMatchObject({ status: 'REJECTED', caseReference: '2026/1209-4', onFocusArea: true });
      expect(warning.focusArea.code).toBe('LOG');
      expect(warning.action.warnings.map((w) => w.municipality.name)).toContain('Hurdal');
    }
    expect(programmeWarnings.some((w) => w.municipality.name === 'Nannestad' && w.status === 'PROPOSED')).toBe(
      programmeWarnings.some((w) => w.focusArea.code === 'SMA'),
    );
  });
});
