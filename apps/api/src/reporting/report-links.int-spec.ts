import { SettableClock } from '@tiltak/api-core';
import { until } from '@tiltak/api-data-access/testing';
import { createHash } from 'node:crypto';
import { SmtpPeer } from '@tiltak/api-mail/testing';
import { Subscriber } from '../testing/subscriber';
import { type GraphqlClient, startTestApi, type TestApi } from '../testing/test-api';
import { actionOf, openRound, plantLink } from './report-link-fixtures';

const SEND = `mutation($input: SendReportLinkInput!) {
  sendReportLink(input: $input) { id reportId recipientName recipientEmail sentBy sentFor expiresAt state } }`;
const REVOKE = 'mutation($id: ID!) { revokeReportLink(linkId: $id) { id state revokedBy } }';
const LINKS = 'query($id: ID!) { reportLinks(reportId: $id) { id recipientEmail state } }';
const VIEW = `query($token: String!) { linkedReport(token: $token) {
  recipientName sentFor actionCode actionTitle roundName deadline reportState narrative version
  openMilestones { id title dueDate } } }`;

const SAVE = `mutation($token: String!, $input: LinkedReportInput!) {
  saveLinkedReport(token: $token, input: $input) { reportState status narrative version } }`;

const DAY = 24 * 60 * 60 * 1000;

describe('report links', () => {
  const clock = new SettableClock(new Date('2026-09-01T08:00:00Z'));
  let api: TestApi;
  let smtp: SmtpPeer;
  let nes: GraphqlClient;
  let eidsvoll: GraphqlClient;
  let nesReport: string;
  let eidsvollReport: string;
  let nesAction: { id: string; code: string };

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    api = await startTestApi({ SMTP_URL: smtp.url, MAIL_FROM: 'Tiltak <tiltak@gardermoregionen.test>' }, { clock });
    nes = await api.as('koordinator.nes@tiltak.test');
    eidsvoll = await api.as('koordinator.eidsvoll@tiltak.test');
    nesAction = await actionOf(api, ['Nes']);
    const eidsvollAction = await actionOf(api, ['Eidsvoll']);
    // Deadline 30 September, 7 days' grace: the round closes at midnight after 7 October, Oslo time.
    ({
      reportIds: [nesReport, eidsvollReport],
    } = await openRound(api, '2. tertial 2026', '2026-09-30', [nesAction.id, eidsvollAction.id]));
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  beforeEach(() => clock.set(new Date('2026-09-01T08:00:00Z')));

  describe('sending', () => {
    it('lasts 14 days from sending and names the sender’s municipality, keeping only the token’s hash', async () => {
      const { sendReportLink: link } = await nes.data<{ sendReportLink: Record<string, string> }>(SEND, {
        input: { reportId: nesReport, email: 'kari@bedrift.test', name: 'Kari Nordmann' },
      });
      expect(link).toMatchObject({
        reportId: nesReport,
        recipientName: 'Kari Nordmann',
        sentBy: 'Næringskoordinator i Nes',
        sentFor: 'Nes kommune',
        state: 'ACTIVE',
      });
      expect(new Date(link['expiresAt']).getTime()).toBe(clock.now().getTime() + 14 * DAY);
      const [row] = await api.db.dataSource.query('SELECT * FROM report_link WHERE id = $1', [link['id']]);
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      const events = await api.db.dataSource.query(
        `SELECT after FROM change_event WHERE entity = 'report_link' AND entity_id = $1`,
        [link['id']],
      );
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events[0].after)).not.toMatch(/kari@bedrift|token/);
    });

    it('mails the link in bokmål, or in English when asked, and the token is nowhere in the database', async () => {
      smtp.arrived.length = 0;
      await nes.data(SEND, { input: { reportId: nesReport, email: 'ola@bedrift.test', name: 'Ola Nordmann' } });
      await nes.data(SEND, {
        input: { reportId: nesReport, email: 'john@company.test', name: 'John Smith', language: 'en' },
      });
      await api.runJob('deliver-mail');
      const nb = smtp.arrived.find((mail) => mail.to.includes('ola@bedrift.test'));
      const en = smtp.arrived.find((mail) => mail.to.includes('john@company.test'));
      expect(nb?.parsed.subject).toBe(`Rapport for ${nesAction.code} i 2. tertial 2026`);
      expect(nb?.parsed.text).toContain('Hei Ola Nordmann,');
      expect(en?.parsed.subject).toBe(`Report on ${nesAction.code} for 2. tertial 2026`);
      const token = /\/report\/([A-Za-z0-9_-]{43})\b/.exec(nb?.parsed.text ?? '')?.[1];
      expect(token).toBeDefined();
      const hash = createHash('sha256').update(token!).digest('hex');
      const stored = await api.db.dataSource.query('SELECT * FROM report_link WHERE token_hash = $1', [hash]);
      expect(stored).toHaveLength(1);
      const anywhere = await api.db.dataSource.query(
        `SELECT count(*)::int AS n FROM report_link l WHERE row_to_json(l)::text LIKE '%' || $1 || '%'`,
        [token],
      );
      expect(anywhere[0].n).toBe(0);
      const { linkedReport } = await api.anonymous.data<{ linkedReport: { recipientName: string } }>(VIEW, { token });
      expect(linkedReport.recipientName).toBe('Ola Nordmann');
    });

    it('ends when the round closes, if that comes before 14 days', async () => {
      clock.set(new Date('2026-09-30T08:00:00Z'));
      const { sendReportLink: link } = await nes.data<{ sendReportLink: { expiresAt: string } }>(SEND, {
        input: { reportId: nesReport, email: 'kari@bedrift.test', name: 'Kari Nordmann' },
      });
      // Midnight after 7 October in Oslo (summer time, UTC+2).
      expect(link.expiresAt).toBe('2026-10-07T22:00:00.000Z');
    });

    it('goes to a party’s contact person', async () => {
      const [party] = await api.db.dataSource.query(
        `SELECT id, contact_name, contact_email FROM party WHERE contact_email IS NOT NULL ORDER BY name LIMIT 1`,
      );
      const { sendReportLink: link } = await nes.data<{ sendReportLink: Record<string, string> }>(SEND, {
        input: { reportId: nesReport, partyId: party.id },
      });
      expect(link).toMatchObject({ recipientName: party.contact_name, recipientEmail: party.contact_email });
    });

    it('refuses a coordinator of another municipality, and writes nothing', async () => {
      const before = await api.db.dataSource.query('SELECT count(*)::int AS n FROM report_link');
      const { errors } = await eidsvoll.gql(SEND, {
        input: { reportId: nesReport, email: 'kari@bedrift.test', name: 'Kari Nordmann' },
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SEND_REPORT_LINK' });
      expect(await api.db.dataSource.query('SELECT count(*)::int AS n FROM report_link')).toEqual(before);
      const { errors: listed } = await eidsvoll.gql(LINKS, { id: nesReport });
      expect(listed?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('refuses the council and signed-out visitors', async () => {
      const council = await api.as('rad@tiltak.test');
      const input = { reportId: nesReport, email: 'kari@bedrift.test', name: 'Kari Nordmann' };
      expect((await council.gql(SEND, { input })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await api.anonymous.gql(SEND, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await api.anonymous.gql(LINKS, { id: nesReport })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('offers the action’s open reports to those who may send links, and to no one else', async () => {
      const query = 'query($id: ID!) { linkableReports(actionId: $id) { reportId roundName leadContactEmail } }';
      const mine = await nes.data<{ linkableReports: { reportId: string }[] }>(query, { id: nesAction.id });
      expect(mine.linkableReports.map((r) => r.reportId)).toContain(nesReport);
      const theirs = await eidsvoll.data<{ linkableReports: unknown[] }>(query, { id: nesAction.id });
      expect(theirs.linkableReports).toEqual([]);
    });

    it('asks for a recipient: a party, or an address with a name', async () => {
      const { errors } = await nes.gql(SEND, { input: { reportId: nesReport, email: 'kari@bedrift.test' } });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RECIPIENT_REQUIRED' });
    });

    it('sends none for a closed round', async () => {
      const { reportIds } = await openRound(api, 'Stengt runde', '2026-08-01', [nesAction.id], 0);
      await api.db.dataSource.query(`UPDATE reporting_round SET state = 'CLOSED', closed_at = now() WHERE name = $1`, [
        'Stengt runde',
      ]);
      const { errors } = await nes.gql(SEND, {
        input: { reportId: reportIds[0], email: 'kari@bedrift.test', name: 'Kari Nordmann' },
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROUND_CLOSED' });
    });
  });

  describe('opening', () => {
    it('shows the action and the report, and nothing of any other', async () => {
      const { token } = await plantLink(api, nesReport, new Date(clock.now().getTime() + DAY));
      const { linkedReport } = await api.anonymous.data<{ linkedReport: Record<string, unknown> }>(VIEW, { token });
      expect(linkedReport).toMatchObject({
        recipientName: 'Kari Nordmann',
        sentFor: 'Nes kommune',
        actionCode: nesAction.code,
        roundName: '2. tertial 2026',
        deadline: '2026-09-30',
        reportState: 'NOT_STARTED',
      });
      // The link is no sign-in: the programme stays closed to its holder.
      const { errors } = await api.anonymous.gql('{ actions(first: 5) { edges { node { id } } } }');
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('says plainly that a link is unknown, expired or revoked', async () => {
      const unknown = await api.anonymous.gql(VIEW, { token: 'x'.repeat(43) });
      expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'LINK_UNKNOWN' });
      expect(unknown.errors?.[0].message).toMatch(/not known/);

      const { token: old } = await plantLink(api, nesReport, new Date(clock.now().getTime() - 1));
      const expired = await api.anonymous.gql(VIEW, { token: old });
      expect(expired.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LINK_EXPIRED' });
      expect(expired.errors?.[0].message).toMatch(/expired.*Nes kommune/);

      const { token, linkId } = await plantLink(api, nesReport, new Date(clock.now().getTime() + DAY));
      expect((await api.anonymous.gql(VIEW, { token })).errors).toBeUndefined();
      const { revokeReportLink } = await nes.data<{ revokeReportLink: { state: string; revokedBy: string } }>(REVOKE, {
        id: linkId,
      });
      expect(revokeReportLink).toEqual({ id: linkId, state: 'REVOKED', revokedBy: 'Næringskoordinator i Nes' });
      const revoked = await api.anonymous.gql(VIEW, { token });
      expect(revoked.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LINK_REVOKED' });
    });

    it('stops at its expiry by the clock', async () => {
      const { token } = await plantLink(api, nesReport, new Date(clock.now().getTime() + DAY));
      expect((await api.anonymous.gql(VIEW, { token })).errors).toBeUndefined();
      clock.set(new Date(clock.now().getTime() + DAY));
      const { errors } = await api.anonymous.gql(VIEW, { token });
      expect(errors?.[0].extensions?.reason).toBe('LINK_EXPIRED');
    });

    it('opens nothing once the round has closed', async () => {
      const { reportIds, roundId } = await openRound(api, 'Runde som stenger', '2026-10-30', [nesAction.id]);
      const { token } = await plantLink(api, reportIds[0], new Date(clock.now().getTime() + DAY));
      expect((await api.anonymous.gql(VIEW, { token })).errors).toBeUndefined();
      await api.db.dataSource.query(`UPDATE reporting_round SET state = 'CLOSED', closed_at = now() WHERE id = $1`, [
        roundId,
      ]);
      const { errors } = await api.anonymous.gql(VIEW, { token });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ROUND_CLOSED' });
    });

    it('lets a coordinator revoke only their own reports’ links', async () => {
      const { linkId } = await plantLink(api, nesReport, new Date(clock.now().getTime() + DAY));
      const { errors } = await eidsvoll.gql(REVOKE, { id: linkId });
      expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const [row] = await api.db.dataSource.query('SELECT revoked_at FROM report_link WHERE id = $1', [linkId]);
      expect(row.revoked_at).toBeNull();
      const other = await plantLink(api, eidsvollReport, new Date(clock.now().getTime() + DAY));
      expect((await eidsvoll.gql(REVOKE, { id: other.linkId })).errors).toBeUndefined();
    });
  });
  describe('reporting', () => {
    const reportRow = async (id: string) =>
      (
        await api.db.dataSource.query(
          'SELECT state, narrative, version, submitted_by_name FROM round_report WHERE id = $1',
          [id],
        )
      )[0];
    /** Waits until this many of the test database's sessions wait for a row lock. */
    const waitingOnLocks = (count: number) =>
      until(`${count} writes waiting on a lock`, async () => {
        const [{ waiting }] = await api.db.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return waiting >= count ? waiting : undefined;
      });

    it('submits the link’s report, and the history names the person and who sent the link', async () => {
      const { reportIds } = await openRound(api, 'Runde for innsending', '2026-10-30', [nesAction.id]);
      const { token } = await plantLink(api, reportIds[0], new Date(clock.now().getTime() + DAY));
      const { saveLinkedReport: draft } = await api.anonymous.data<{ saveLinkedReport: { version: number } }>(SAVE, {
        token,
        input: { expectedVersion: 1, status: 'IN_PROGRESS', narrative: 'Godt i gang' },
      });
      expect(draft).toMatchObject({ reportState: 'DRAFT', narrative: 'Godt i gang' });
      const { saveLinkedReport: sent } = await api.anonymous.data<{ saveLinkedReport: Record<string, unknown> }>(SAVE, {
        token,
        input: { expectedVersion: draft.version, status: 'IN_PROGRESS', narrative: 'Godt i gang', submit: true },
      });
      expect(sent['reportState']).toBe('SUBMITTED');
      expect((await reportRow(reportIds[0])).submitted_by_name).toBe('Kari Nordmann, via lenke fra Nes kommune');
      const { action } = await nes.data<{ action: { history: { author: string | null }[] } }>(
        'query($id: ID!) { action(id: $id) { history { author } } }',
        { id: nesAction.id },
      );
      expect(action.history[0].author).toBe('Kari Nordmann, via lenke fra Nes kommune');
      const [event] = await api.db.dataSource.query(
        `SELECT actor_name, actor_user_id FROM change_event WHERE entity = 'report' AND entity_id = $1 ORDER BY seq DESC LIMIT 1`,
        [reportIds[0]],
      );
      expect(event).toEqual({ actor_name: 'Kari Nordmann, via lenke fra Nes kommune', actor_user_id: null });
    });

    it('touches only its own report: another action’s milestone is refused, and nothing is written', async () => {
      const { reportIds } = await openRound(api, 'Runde for grenser', '2026-10-30', [nesAction.id]);
      const { token } = await plantLink(api, reportIds[0], new Date(clock.now().getTime() + DAY));
      const [foreign] = await api.db.dataSource.query(
        `SELECT id FROM milestone WHERE action_id <> $1 AND completed_on IS NULL LIMIT 1`,
        [nesAction.id],
      );
      const before = await reportRow(eidsvollReport);
      const { errors } = await api.anonymous.gql(SAVE, {
        token,
        input: { expectedVersion: 1, narrative: 'x', completeMilestoneIds: [foreign.id], submit: true },
      });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MILESTONE_NOT_OPEN' });
      expect(await reportRow(reportIds[0])).toMatchObject({ state: 'NOT_STARTED', version: 1 });
      expect(await reportRow(eidsvollReport)).toEqual(before);
      const [{ completed_on }] = await api.db.dataSource.query('SELECT completed_on FROM milestone WHERE id = $1', [
        foreign.id,
      ]);
      expect(completed_on).toBeNull();
    });

    it('lets a withdrawal wait for a save already under way, so none slips past it afterwards', async () => {
      const { reportIds } = await openRound(api, 'Runde for kappløp', '2026-10-30', [nesAction.id]);
      const { token, linkId } = await plantLink(api, reportIds[0], new Date(clock.now().getTime() + DAY));
      // Hold the action's row, as another write would: the save waits inside, holding the link.
      const blocker = api.db.dataSource.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query('SELECT id FROM action WHERE id = $1 FOR UPDATE', [nesAction.id]);
      const saving = api.anonymous.gql(SAVE, { token, input: { expectedVersion: 1, narrative: 'Underveis' } });
      await waitingOnLocks(1);
      const revoking = nes.gql(REVOKE, { id: linkId });
      // The withdrawal queues behind the save's hold on the link rather than going past it.
      await waitingOnLocks(2);
      await blocker.rollbackTransaction();
      await blocker.release();
      const [saved, revoked] = await Promise.all([saving, revoking]);
      expect(saved.errors).toBeUndefined();
      expect(revoked.errors).toBeUndefined();
      // The answers may arrive in either order; the change log keeps the order the writes committed in.
      const committed = await api.db.dataSource.query(
        `SELECT entity FROM change_event WHERE (entity = 'report' AND entity_id = $1) OR (entity = 'report_link' AND entity_id = $2 AND operation = 'UPDATE') ORDER BY seq`,
        [reportIds[0], linkId],
      );
      expect(committed.map((row: { entity: string }) => row.entity)).toEqual(['report', 'report_link']);
      const after = await api.anonymous.gql(SAVE, { token, input: { expectedVersion: 2, narrative: 'Etterpå' } });
      expect(after.errors?.[0].extensions?.reason).toBe('LINK_REVOKED');
    });

    it('writes nothing through a revoked link, nor into a closed round', async () => {
      const { reportIds, roundId } = await openRound(api, 'Runde for stengte dører', '2026-10-30', [nesAction.id]);
      const revoked = await plantLink(api, reportIds[0], new Date(clock.now().getTime() + DAY));
      await nes.data(REVOKE, { id: revoked.linkId });
      const refused = await api.anonymous.gql(SAVE, {
        token: revoked.token,
        input: { expectedVersion: 1, narrative: 'x' },
      });
      expect(refused.errors?.[0].extensions?.reason).toBe('LINK_REVOKED');
      const open = await plantLink(api, reportIds[0], new Date(clock.now().getTime() + DAY));
      await api.db.dataSource.query(`UPDATE reporting_round SET state = 'CLOSED', closed_at = now() WHERE id = $1`, [
        roundId,
      ]);
      const closed = await api.anonymous.gql(SAVE, {
        token: open.token,
        input: { expectedVersion: 1, narrative: 'x' },
      });
      expect(closed.errors?.[0].extensions?.reason).toBe('ROUND_CLOSED');
      expect(await reportRow(reportIds[0])).toMatchObject({ state: 'NOT_STARTED', narrative: '', version: 1 });
    });
  });
});

describe('report links under the rate limit', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ RATE_LIMIT_QUERIES_PER_USER: '3' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('counts each token as one person', async () => {
    const action = await actionOf(api, ['Nes']);
    const { reportIds } = await openRound(api, 'Runde', '2099-09-30', [action.id]);
    const { token } = await plantLink(api, reportIds[0], new Date(Date.now() + DAY));
    for (let i = 0; i < 3; i++) expect((await api.anonymous.gql(VIEW, { token })).errors).toBeUndefined();
    const { errors } = await api.anonymous.gql(VIEW, { token });
    expect(errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Another link, from the same address, still opens.
    const other = await plantLink(api, reportIds[0], new Date(Date.now() + DAY));
    expect((await api.anonymous.gql(VIEW, { token: other.token })).errors).toBeUndefined();
  });
});

describe('report links on a public dashboard', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_DASHBOARD: 'true' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('tells signed-out visitors nothing of links sent or withdrawn, and signed-in readers all', async () => {
    const action = await actionOf(api, ['Nes']);
    const { reportIds } = await openRound(api, 'Offentlig runde', '2099-09-30', [action.id]);
    const visitor = new Subscriber(api.url, null);
    const council = new Subscriber(api.url, await api.tokenFor('rad@tiltak.test'));
    try {
      await Promise.all([visitor.ready(), council.ready()]);
      const nes = await api.as('koordinator.nes@tiltak.test');
      const { sendReportLink } = await nes.data<{ sendReportLink: { id: string } }>(SEND, {
        input: { reportId: reportIds[0], email: 'kari@bedrift.test', name: 'Kari Nordmann' },
      });
      await nes.data(REVOKE, { id: sendReportLink.id });
      // A later change every reader sees: once it has come, the link's have come before it.
      const [party] = await api.db.dataSource.query('SELECT id, version FROM party ORDER BY name LIMIT 1');
      await api.data('mutation($input: UpdatePartyInput!) { updateParty(input: $input) { id } }', {
        input: { partyId: party.id, expectedVersion: party.version, website: 'https://naering.example.no' },
      });
      const sawParty = (received: { entity: string | null }[]) => received.some((c) => c.entity === 'party');
      await Promise.all([visitor.until(sawParty), council.until(sawParty)]);
      expect(visitor.received.filter((c) => c.entity === 'report_link')).toEqual([]);
      expect(council.received.filter((c) => c.entity === 'report_link')).toHaveLength(2);
    } finally {
      await visitor.close();
      await council.close();
    }
  });
});
