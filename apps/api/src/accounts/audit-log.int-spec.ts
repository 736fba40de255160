import { LOGIN, post, signIn } from '../testing/sign-in';
import { startTestApi, type TestApi } from '../testing/test-api';

const AUDIT_LOG = `query($first: Int, $after: String) {
  auditLog(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { action outcome email actorEmail address detail } }
  }
}`;

interface AuditPage {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        action: string;
        outcome: string;
        email: string | null;
        actorEmail: string | null;
        address: string | null;
        detail: string | null;
      };
    }[];
  };
}

describe('the audit log, in production', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: 'production', DEMO_DATA: 'always' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records sign-ins, failures, password changes, role changes, deactivation and sign-out, never a password', async () => {
    const { createUser } = await api.data<{ createUser: { id: string } }>(
      `mutation { createUser(input: { email: "revidert@tiltak.test", name: "Revidert", role: COUNCIL, password: "forste-passord-1" }) { id } }`,
    );
    await post(api.url, LOGIN, { e: 'revidert@tiltak.test', p: 'feil-passord-1' });
    const session = await signIn(api.url, 'revidert@tiltak.test', 'forste-passord-1');
    const changed = await post(
      api.url,
      'mutation { changePassword(currentPassword: "forste-passord-1", newPassword: "andre-passord-2") { accessToken } }',
      {},
      { authorization: `Bearer ${session.accessToken}` },
    );
    expect(changed.body.errors).toBeUndefined();
    await post(api.url, 'mutation { logout }', {}, { cookie: changed.cookie! });
    const [{ id: municipalityId }] = await api.db.dataSource.query('SELECT id FROM municipality LIMIT 1');
    await api.data(
      'mutation($id: ID!, $m: ID!) { updateUser(input: { userId: $id, expectedVersion: 2, role: COORDINATOR, municipalityId: $m }) { id } }',
      { id: createUser.id, m: municipalityId },
    );
    await api.data(
      'mutation($id: ID!) { updateUser(input: { userId: $id, expectedVersion: 3, active: false }) { id } }',
      { id: createUser.id },
    );

    const { auditLog } = await api.data<AuditPage>(AUDIT_LOG, { first: 10 });
    const own = auditLog.edges.map((e) => e.node).filter((n) => n.email === 'revidert@tiltak.test');

    expect(own.map((n) => [n.action, n.outcome])).toEqual([
      ['DEACTIVATED', 'SUCCESS'],
      ['ASSIGNMENT_CHANGED', 'SUCCESS'],
      ['ROLE_CHANGED', 'SUCCESS'],
      ['SIGN_OUT', 'SUCCESS'],
      ['SIGN_IN', 'SUCCESS'],
      ['PASSWORD_CHANGED', 'SUCCESS'],
      ['SIGN_IN', 'SUCCESS'],
      ['SIGN_IN_FAILED', 'WRONG_CREDENTIALS'],
      ['USER_CREATED', 'SUCCESS'],
    ]);
    expect(own[0].actorEmail).toBe('admin@tiltak.test');
    expect(own[3].actorEmail).toBe('revidert@tiltak.test');
    expect(JSON.parse(own[2].detail!)).toEqual({ from: 'COUNCIL', to: 'COORDINATOR' });
    expect(own.every((n) => n.address !== null)).toBe(true);
    const everything = JSON.stringify(
      await api.db.dataSource.query(`SELECT * FROM audit_entry WHERE email = 'revidert@tiltak.test'`),
    );
    for (const password of ['feil-passord-1', 'forste-passord-1', 'andre-passord-2']) {
      expect(everything).not.toContain(password);
    }
  });

  it('pages newest first', async () => {
    const first = await api.data<AuditPage>(AUDIT_LOG, { first: 2 });
    const second = await api.data<AuditPage>(AUDIT_LOG, { first: 2, after: first.auditLog.pageInfo.endCursor });
    const all = await api.data<AuditPage>(AUDIT_LOG, { first: 4 });

    expect(first.auditLog.pageInfo.hasNextPage).toBe(true);
    expect([...first.auditLog.edges, ...second.auditLog.edges]).toEqual(all.auditLog.edges);
    expect(first.auditLog.totalCount).toBeGreaterThan(4);
  });

  it('is for admins only, and the database refuses to rewrite it', async () => {
    for (const email of ['rad@tiltak.test', 'koordinator.nes@tiltak.test', 'leder@tiltak.test']) {
      const asRole = await api.as(email);
      expect((await asRole.gql(AUDIT_LOG)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.anonymous.gql(AUDIT_LOG)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    await expect(api.db.dataSource.query(`UPDATE audit_entry SET outcome = 'SUCCESS'`)).rejects.toThrow(/append-only/);
    await expect(api.db.dataSource.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
  });
});
