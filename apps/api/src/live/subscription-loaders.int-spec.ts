import { startTestApi, type TestApi } from '../testing/test-api';
import { Subscriber } from '../testing/subscriber';

const WITH_MILESTONES = `subscription($since: String) {
  programmeChanged(since: $since) {
    seq reset caughtUp entity entityId actionId actor action { id progress version milestones { id completedOn } }
  }
}`;

/** A subscription's loaders live for one event: each event carries the action as it is after that change. */
describe('live changes carry fresh data', () => {
  let api: TestApi;
  let subscriber: Subscriber | undefined;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await subscriber?.close();
    await api?.close();
  });

  it('shows the second milestone completed in the event of the second completion', async () => {
    const [{ action_id: actionId }] = await api.db.dataSource.query(
      `SELECT action_id FROM milestone WHERE completed_on IS NULL GROUP BY action_id HAVING count(*) >= 2 LIMIT 1`,
    );
    const open: { id: string; version: number }[] = await api.db.dataSource.query(
      'SELECT id, version FROM milestone WHERE action_id = $1 AND completed_on IS NULL ORDER BY due_date LIMIT 2',
      [actionId],
    );
    const [{ seq }] = await api.db.dataSource.query('SELECT max(seq)::text AS seq FROM change_event');
    subscriber = new Subscriber(api.url, await api.tokenFor('rad@tiltak.test'), seq, WITH_MILESTONES);
    await waitFor(() => subscriber!.markers.length > 0);

    for (const [n, milestone] of open.entries()) {
      await api.data('mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { id } }', {
        input: { milestoneId: milestone.id, expectedVersion: milestone.version },
      });
      await subscriber.until((received) => received.filter((r) => r.entity === 'milestone').length > n);
    }

    const [, second] = subscriber.received.filter((r) => r.entity === 'milestone');
    const completed = second.action?.milestones?.filter((m) => open.some((o) => o.id === m.id && m.completedOn));
    expect(completed).toHaveLength(2);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 100) throw new Error('The subscription never said it had caught up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
