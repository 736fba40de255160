import type { PresenceClientEvents, PresenceEntry, PresenceServerEvents } from '@tiltak/domain';
import { io, type Socket } from 'socket.io-client';
import { startTestApi, type TestApi } from '../testing/test-api';

type PresenceSocket = Socket<PresenceServerEvents, PresenceClientEvents>;

/** Presence over socket.io, with two API instances sharing rooms through PostgreSQL. */
describe('presence', () => {
  let api: TestApi;
  let instanceB: { url: string; close(): Promise<void> };
  let actionId: string;
  const sockets: PresenceSocket[] = [];

  const connect = (url: string, token: string | null) => {
    const socket: PresenceSocket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  };
  /** The latest presence list each socket got for the action. */
  const watch = (socket: PresenceSocket) => {
    const seen: { entries: PresenceEntry[] | null } = { entries: null };
    socket.on('presence', (id, entries) => {
      if (id === actionId) seen.entries = entries;
    });
    return seen;
  };
  const eventually = async (check: () => boolean, timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for presence');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const view = (socket: PresenceSocket, id: string) =>
    new Promise<{ ok: boolean; reason?: string }>((resolve) => socket.emit('view', id, resolve));

  beforeAll(async () => {
    api = await startTestApi();
    instanceB = await api.anotherInstance();
    [{ id: actionId }] = await api.db.dataSource.query('SELECT id FROM action LIMIT 1');
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await instanceB?.close();
    await api?.close();
  });

  it('shows who views and edits an action to people on other instances, and drops a closed tab', async () => {
    const lead = connect(api.url, await api.tokenFor('leder@tiltak.test'));
    const council = connect(instanceB.url, await api.tokenFor('rad@tiltak.test'));
    const leadSees = watch(lead);
    const councilSees = watch(council);

    await expect(view(lead, actionId)).resolves.toEqual({ ok: true });
    await expect(view(council, actionId)).resolves.toEqual({ ok: true });
    await eventually(() => leadSees.entries?.length === 2);
    expect(leadSees.entries?.map((e) => e.name).sort()).toEqual([
      'Prosjektleder i næringsrådet',
      'Regionrådet (lesetilgang)',
    ]);

    lead.emit('editing', actionId, 'status');
    await eventually(() => councilSees.entries?.some((e) => e.editing === 'status') ?? false);
    expect(councilSees.entries?.find((e) => e.editing === 'status')?.name).toBe('Prosjektleder i næringsrådet');

    lead.disconnect();
    await eventually(() => councilSees.entries?.length === 1);
    expect(councilSees.entries?.[0].name).toBe('Regionrådet (lesetilgang)');
  });

  it('refuses a socket without a valid token, and a room that is not an action', async () => {
    const anonymous = connect(api.url, null);
    const refused = await new Promise<string>((resolve) =>
      anonymous.on('connect_error', (error) => resolve(error.message)),
    );
    expect(refused).toBe('UNAUTHENTICATED');

    const council = connect(api.url, await api.tokenFor('rad@tiltak.test'));
    await expect(view(council, 'not-an-id')).resolves.toEqual({ ok: false, reason: 'BAD_USER_INPUT' });
    await expect(view(council, '00000000-0000-4000-8000-000000000000')).resolves.toEqual({
      ok: false,
      reason: 'NOT_FOUND',
    });
  });
});
