import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DefinitionNode, type FragmentDefinitionNode, Kind, parse, print, visit } from 'graphql';
import { startTestApi, type TestApi } from '../testing/test-api';

/** One of the dashboard's own operations, with the fragments it uses: what the action page really asks. */
function dashboardOperation(name: string): string {
  const definitions = ['action.graphql', 'actions.graphql'].flatMap(
    (file) =>
      parse(readFileSync(join(process.cwd(), 'libs/dashboard/data-access/src/operations', file), 'utf8')).definitions,
  );
  const fragments = new Map(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`The dashboard has no operation ${name}`);
  const used = new Map<string, DefinitionNode>();
  const pending: DefinitionNode[] = [operation];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.has(node.name.value)) {
          used.set(node.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [operation, ...used.values()].map((d) => print(d)).join('\n');
}

/** Most round trips one write may cost, BEGIN and COMMIT and the caller's sign-in check included. */
const STATEMENT_BUDGET = 8;

interface Written {
  id: string;
  version: number;
  progress: number;
  milestones: { id: string; version: number; completedOn: string | null }[];
  history: { comment: string }[];
}

describe('the write path', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });

  afterAll(async () => {
    await api?.close();
  });

  const actionWithMilestones = async (): Promise<Written> => {
    const [{ id }] = await api.db.dataSource.query(
      `SELECT a.id FROM action a WHERE EXISTS (SELECT 1 FROM milestone m WHERE m.action_id = a.id AND m.completed_on IS NULL)
        ORDER BY a.code LIMIT 1`,
    );
    const { action } = await api.data<{ action: Written }>(dashboardOperation('Action'), { id });
    return action;
  };

  /** Statements the API sent for one request, as the database saw them. */
  const statementsOf = async <T>(request: () => Promise<T>): Promise<{ result: T; statements: string[] }> => {
    await api.data('{ currentProgramme { id } }');
    api.statements.length = 0;
    const result = await request();
    return { result, statements: [...api.statements] };
  };

  it(`updates an action's status in at most ${STATEMENT_BUDGET} statements with the dashboard's whole selection`, async () => {
    const action = await actionWithMilestones();
    const { result, statements } = await statementsOf(() =>
      api.data<{ updateActionStatus: Written }>(dashboardOperation('UpdateActionStatus'), {
        input: {
          actionId: action.id,
          expectedVersion: action.version,
          status: 'IN_PROGRESS',
          comment: 'Godt i gang',
        },
      }),
    );

    expect(result.updateActionStatus.version).toBe(action.version + 1);
    expect(result.updateActionStatus.history[0].comment).toBe('Godt i gang');
    expect(statements.length).toBeLessThanOrEqual(STATEMENT_BUDGET);
    expect(statements.filter((sql) => sql.includes('tiltak_lock_then_read'))).toHaveLength(1);
  });

  it(`completes a milestone in at most ${STATEMENT_BUDGET} statements with the dashboard's whole selection`, async () => {
    const action = await actionWithMilestones();
    const open = action.milestones.find((m) => m.completedOn === null)!;
    const { result, statements } = await statementsOf(() =>
      api.data<{ completeMilestone: Written }>(dashboardOperation('CompleteMilestone'), {
        input: { milestoneId: open.id, expectedVersion: open.version },
      }),
    );

    const completed = result.completeMilestone.milestones.find((m) => m.id === open.id)!;
    expect(completed.completedOn).not.toBeNull();
    expect(completed.version).toBe(open.version + 1);
    expect(result.completeMilestone.progress).toBeGreaterThan(action.progress);
    expect(statements.length).toBeLessThanOrEqual(STATEMENT_BUDGET);
  });

  it('answers a stale version with CONFLICT and leaves the action as it was', async () => {
    const action = await actionWithMilestones();
    const events = async () => Number((await api.db.dataSource.query('SELECT count(*) AS n FROM change_event'))[0].n);
    const before = await events();
    const { errors } = await api.gql(
      `mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }`,
      { input: { actionId: action.id, expectedVersion: action.version - 1, status: 'ON_HOLD', comment: 'Pause' } },
    );

    expect(errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(errors?.[0].extensions?.current).toMatchObject({ id: action.id, version: action.version });
    expect(await events()).toBe(before);
  });
});
