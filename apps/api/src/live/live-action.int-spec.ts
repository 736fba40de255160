import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApi, type TestApi } from '../testing/test-api';

interface Milestone {
  id: string;
  version: number;
  completedOn: string | null;
}

interface Change {
  entity: string | null;
  action: { id: string; version: number; milestones: Milestone[] } | null;
}

/** What a dashboard relies on when it writes the action a change carries into its cache. */
describe('the action a live change carries', () => {
  let api: TestApi;
  let client: Client;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await client?.dispose();
    await api?.close();
  });

  it('is the action as it is after each change, not as the connection first read it', async () => {
    const [{ action_id: actionId }] = await api.db.dataSource.query(
      `SELECT action_id FROM milestone WHERE completed_on IS NULL GROUP BY action_id HAVING count(*) >= 2 LIMIT 1`,
    );
    const received: Change[] = [];
    client = createClient({
      url: `${api.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await api.tokenFor('admin@tiltak.test')}` },
      retryAttempts: 0,
      lazy: false,
    });
    let ready: () => void = () => undefined;
    const caughtUp = new Promise<void>((resolve) => (ready = resolve));
    client.subscribe<{ programmeChanged: Change & { caughtUp: boolean } }>(
      {
        query: `subscription { programmeChanged {
          caughtUp entity action { id version milestones { id version completedOn } } } }`,
      },
      {
        next: ({ data }) => (data?.programmeChanged.caughtUp ? ready() : data && received.push(data.programmeChanged)),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    await caughtUp;

    const milestonesNow = async () =>
      (
        await api.data<{ action: { milestones: Milestone[] } }>(
          'query($id: ID!) { action(id: $id) { milestones { id version completedOn } } }',
          { id: actionId },
        )
      ).action.milestones.filter((m) => !m.completedOn);
    for (const milestone of (await milestonesNow()).slice(0, 2)) {
      const seen = received.length;
      await api.data('mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { id } }', {
        input: { milestoneId: milestone.id, expectedVersion: milestone.version },
      });
      const deadline = Date.now() + 5_000;
      while (!received.slice(seen).some((c) => c.entity === 'milestone') && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const latest = received.filter((c) => c.entity === 'milestone').at(-1)?.action;
      expect(latest?.milestones.find((m) => m.id === milestone.id)?.completedOn).toBeTruthy();
    }
  });
});
