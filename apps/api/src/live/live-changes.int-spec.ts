import { graphqlClient, startTestApi, type TestApi } from '../testing/test-api';
import { Subscriber } from '../testing/subscriber';

/** Two API instances on one database, as behind a load balancer. */
describe('live changes across instances', () => {
  let api: TestApi;
  let instanceB: { url: string; close(): Promise<void> };
  let adminToken: string;
  let target: { id: string; municipalityId: string };
  const subscribers: Subscriber[] = [];

  const subscribe = (url: string, token: string | null, since?: string) => {
    const subscriber = new Subscriber(url, token, since);
    subscribers.push(subscriber);
    return subscriber;
  };

  /** One change on instance A: a new note on the target action's municipality figures. */
  const change = async (n: number) => {
    const [{ version }] = await api.db.dataSource.query(
      'SELECT version FROM participation WHERE action_id = $1 AND municipality_id = $2',
      [target.id, target.municipalityId],
    );
    await api.data(
      'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }',
      {
        input: {
          actionId: target.id,
          municipalityId: target.municipalityId,
          expectedVersion: version,
          note: `Endring ${n}`,
        },
      },
    );
  };

  beforeAll(async () => {
    api = await startTestApi();
    instanceB = await api.anotherInstance();
    adminToken = await api.tokenFor('admin@tiltak.test');
    const [row] = await api.db.dataSource.query('SELECT action_id, municipality_id FROM participation LIMIT 1');
    target = { id: row.action_id, municipalityId: row.municipality_id };
  });

  afterAll(async () => {
    for (const subscriber of subscribers) await subscriber.close();
    await instanceB?.close();
    await api?.close();
  });

  it('delivers a change made on instance A to a subscriber on instance B within a second', async () => {
    const onB = subscribe(instanceB.url, adminToken);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    await change(1);
    await onB.until((received) => received.some((r) => r.entity === 'participation'), 1_000);

    expect(Date.now() - started).toBeLessThan(1_000);
    const [event] = onB.received;
    expect(event).toMatchObject({ entity: 'participation', actionId: target.id, actor: 'Tiltak-administrator' });
    expect(event.action?.id).toBe(target.id);
  });

  it('replays exactly what a subscriber missed, in order, then carries on live', async () => {
    const first = subscribe(api.url, adminToken);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await change(100);
    await first.until((received) => received.length === 1);
    const lastSeen = first.received[0].seq;
    await first.close();

    for (let n = 1; n <= 50; n++) await change(100 + n);
    const missed: { seq: string }[] = await api.db.dataSource.query(
      'SELECT seq FROM change_event WHERE seq > $1 ORDER BY seq',
      [lastSeen],
    );
    expect(missed).toHaveLength(50);

    const back = subscribe(instanceB.url, adminToken, lastSeen);
    await back.until((received) => received.length >= 50);
    // One marker that the replay is over, carrying no change and the position reached.
    await back.until(() => back.markers.length === 1);
    expect(back.markers[0]).toMatchObject({ caughtUp: true, seq: missed[49].seq, entity: null });
    await change(200);
    await back.until((received) => received.length >= 51);

    expect(back.received.slice(0, 50).map((r) => r.seq)).toEqual(missed.map((m) => m.seq));
    expect(back.received[50]).toMatchObject({ caughtUp: false, entity: 'participation' });
    expect(back.markers).toHaveLength(1);
    expect(new Set(back.received.map((r) => r.seq)).size).toBe(back.received.length);
    const seqs = back.received.map((r) => BigInt(r.seq));
    expect(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1])).toBe(true);
  }, 30_000);

  it('replays what was missed to a late subscriber who asks exactly what an earlier one asked', async () => {
    const [{ seq: lastSeen }] = await api.db.dataSource.query('SELECT max(seq)::text AS seq FROM change_event');
    for (let n = 1; n <= 3; n++) await change(400 + n);
    // The same question, the same permissions: the second joins the first's execution.
    const early = subscribe(api.url, adminToken, lastSeen);
    await early.until((received) => received.length === 3);
    const late = subscribe(api.url, adminToken, lastSeen);
    const earlyWhenLateCame = early.received.length;
    await change(404);

    await late.until((received) => received.length === 4);
    await early.until((received) => received.length === 4);
    expect(earlyWhenLateCame).toBe(3);
    expect(late.received.map((r) => r.seq)).toEqual(early.received.map((r) => r.seq));
    await late.until(() => late.markers.length === 1);
    expect(late.markers[0].seq).toBe(early.markers[0].seq);
    await Promise.all([early.close(), late.close()]);
  });

  it('gives a late subscriber without a position a starting point, and every change from it', async () => {
    const early = subscribe(api.url, adminToken);
    await early.until(() => early.markers.length === 1);
    await change(500);
    await early.until((received) => received.length === 1);
    const late = subscribe(api.url, adminToken);

    await late.until(() => late.markers.length === 1);
    await change(501);
    await early.until((received) => received.length === 2);
    await late.until((received) => received.some((r) => r.seq === early.received[1].seq));
    // Whatever came after the position it was given reached it: nothing between is missing.
    const from = BigInt(late.markers[0].seq);
    const owed = early.received.filter((r) => BigInt(r.seq) > from).map((r) => r.seq);
    expect(late.received.map((r) => r.seq)).toEqual(owed);
    await Promise.all([early.close(), late.close()]);
  });

  it('never sends a subscriber an event they may not see', async () => {
    const council = subscribe(api.url, await api.tokenFor('rad@tiltak.test'));
    const admin = subscribe(instanceB.url, adminToken);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await api.data(
      'mutation { createUser(input: { email: "hemmelig@tiltak.test", name: "Hemmelig", role: COUNCIL }) { id } }',
    );
    await change(300);

    await admin.until((received) => received.some((r) => r.entity === 'participation'));
    await council.until((received) => received.some((r) => r.entity === 'participation'));
    expect(admin.received.map((r) => r.entity)).toContain('user');
    expect(council.received.map((r) => r.entity)).not.toContain('user');
  });

  it('executes the subscription once for all subscribers who asked the same thing with the same permissions', async () => {
    // One after another: more than five sign-ins to one account from one address at once look like guessing.
    const adminTokens: string[] = [];
    for (let i = 0; i < 8; i++) adminTokens.push(await api.tokenFor('admin@tiltak.test'));
    const councilToken = await api.tokenFor('rad@tiltak.test');
    const admins = adminTokens.map((token) => subscribe(api.url, token));
    const councils = [subscribe(api.url, councilToken), subscribe(api.url, councilToken)];
    await new Promise((resolve) => setTimeout(resolve, 500));
    api.statements.length = 0;

    // The change is made on instance B, so instance A's statements are only its subscribers' work.
    const [{ version }] = await api.db.dataSource.query(
      'SELECT version FROM participation WHERE action_id = $1 AND municipality_id = $2',
      [target.id, target.municipalityId],
    );
    await graphqlClient(instanceB.url, () => ({ authorization: `Bearer ${adminToken}` })).data(
      'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }',
      { input: { actionId: target.id, municipalityId: target.municipalityId, expectedVersion: version, note: 'Delt' } },
    );
    for (const subscriber of [...admins, ...councils]) {
      await subscriber.until((received) => received.some((r) => r.entity === 'participation'));
    }

    // Each execution reads the changed action once for its `action` field: one execution for the
    // eight admins and one for the council's subscribers, not one per subscriber.
    const actionReads = api.statements.filter((sql) => /FROM "action" "ActionEntity"/.test(sql));
    expect(actionReads).toHaveLength(2);
    const payloads = new Set(admins.map((s) => JSON.stringify(s.received.at(-1))));
    expect(payloads.size).toBe(1);
  });

  it('tells each subscriber what they may do to the changed action, even two project leads of one party', async () => {
    const { actions, parties } = await api.data<{
      actions: { edges: { node: { id: string; municipalities: { municipality: { name: string; id: string } }[] } }[] };
      parties: { id: string; name: string }[];
    }>(
      '{ actions(first: 100) { edges { node { id municipalities { municipality { id name } } } } } parties { id name } }',
    );
    const raadet = parties.find((p) => p.name === 'Gardermoregionens næringsråd')!;
    const { createUser: colleague } = await api.data<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: 'kollega@tiltak.test',
          name: 'Kollega i næringsrådet',
          role: 'PROJECT_LEAD',
          partyId: raadet.id,
          password: 'et-langt-passord',
        },
      },
    );
    const nesAction = actions.edges
      .map((e) => e.node)
      .find((a) => a.municipalities.length === 1 && a.municipalities[0].municipality.name === 'Nes')!;
    const nes = nesAction.municipalities[0].municipality.id;
    await api.data('mutation($input: ProjectLeadInput!) { nameProjectLead(input: $input) { id } }', {
      input: { actionId: nesAction.id, userId: colleague.id },
    });
    const query = `subscription { programmeChanged { seq reset caughtUp entity entityId actionId actor
      action { id progress version viewerCan { updateStatus edit } } } }`;
    const token = async (email: string, password = 'tiltak-demo') => {
      const { login } = await api.anonymous.data<{ login: { accessToken: string } }>(
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
        { e: email, p: password },
      );
      return login.accessToken;
    };
    const who = {
      'coordinator of Nes': await token('koordinator.nes@tiltak.test'),
      'coordinator of Eidsvoll': await token('koordinator.eidsvoll@tiltak.test'),
      'project lead of the party': await token('leder@tiltak.test'),
      'project lead named on it': await token('kollega@tiltak.test', 'et-langt-passord'),
    };
    const listening = Object.fromEntries(
      Object.entries(who).map(([name, t]) => {
        const subscriber = new Subscriber(api.url, t, undefined, query);
        subscribers.push(subscriber);
        return [name, subscriber];
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const [{ version }] = await api.db.dataSource.query(
      'SELECT version FROM participation WHERE action_id = $1 AND municipality_id = $2',
      [nesAction.id, nes],
    );
    await api.data(
      'mutation($input: UpdateActionMunicipalityInput!) { updateActionMunicipality(input: $input) { id } }',
      { input: { actionId: nesAction.id, municipalityId: nes, expectedVersion: version, note: 'Hvem kan hva' } },
    );
    const answers: Record<string, unknown> = {};
    for (const [name, subscriber] of Object.entries(listening)) {
      await subscriber.until((received) => received.some((r) => r.actionId === nesAction.id));
      const change = subscriber.received.find((r) => r.actionId === nesAction.id)!;
      answers[name] = (change.action as unknown as { viewerCan: unknown }).viewerCan;
    }

    expect(answers).toEqual({
      'coordinator of Nes': { updateStatus: true, edit: true },
      'coordinator of Eidsvoll': { updateStatus: false, edit: false },
      'project lead of the party': { updateStatus: false, edit: false },
      'project lead named on it': { updateStatus: true, edit: false },
    });
  });

  it('refuses a subscription without a valid token (4403) or without an init message in 3 seconds (4408)', async () => {
    const anonymous = subscribe(api.url, null);
    const forged = subscribe(api.url, 'not-a-token');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(anonymous.closedWith).toBe(4403);
    expect(forged.closedWith).toBe(4403);

    const { default: WebSocket } = await import('ws');
    const silent = new WebSocket(`${api.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => silent.on('close', (closeCode) => resolve(closeCode)));
    expect(code).toBe(4408);
  });

  it('closes a deactivated user’s subscription at once', async () => {
    await api.data(
      `mutation { createUser(input: { email: "snart.borte@tiltak.test", name: "Snart borte", role: COUNCIL, password: "et-langt-passord" }) { id } }`,
    );
    const { login } = await api.anonymous.data<{ login: { accessToken: string; user: { id: string } } }>(
      'mutation { login(email: "snart.borte@tiltak.test", password: "et-langt-passord") { accessToken user { id } } }',
    );
    const subscriber = subscribe(instanceB.url, login.accessToken);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await api.data(
      'mutation($id: ID!) { updateUser(input: { userId: $id, expectedVersion: 1, active: false }) { id } }',
      {
        id: login.user.id,
      },
    );
    const deadline = Date.now() + 2_000;
    while (subscriber.closedWith === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    expect(subscriber.closedWith).toBe(4403);
  });
});
