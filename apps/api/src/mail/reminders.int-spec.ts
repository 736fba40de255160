import { SettableClock } from '@tiltak/api-core';
import { MailService } from '@tiltak/api-mail';
import type { DataSource } from 'typeorm';
import { type ArrivedMail, SmtpPeer } from '@tiltak/api-mail/testing';
import { startTestApi, type TestApi } from '../testing/test-api';

const LEAD = 'leder@tiltak.test';
const NES = 'koordinator.nes@tiltak.test';
/** Where users reach Tiltak behind the load balancer, as the links in mail must say. */
const PUBLIC = 'https://tiltak.gardermoregionen.test';

/** 08:00 in Oslo on a day of September 2026 (summer time, UTC+2). */
const morning = (day: string, hour = 8) => new Date(`${day}T${String(hour - 2).padStart(2, '0')}:00:00Z`);

/**
 * Opens a round as the rounds service would leave it: opened today, deadline 30 September, with
 * reports on two actions the project lead's party leads and on Nes's own part of a third action.
 */
async function openRound(
  dataSource: DataSource,
  openedAt: Date,
): Promise<{ leadActions: string[]; nesAction: string }> {
  // The demo programme's own round is closed, so that this one alone decides who owes what.
  await dataSource.query(`UPDATE reporting_round SET state = 'CLOSED', closed_at = now() WHERE state = 'OPEN'`);
  const [{ id: programmeId }] = await dataSource.query<{ id: string }[]>(`SELECT id FROM programme LIMIT 1`);
  const [{ id: roundId }] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO reporting_round (programme_id, name, deadline, opened_at, opened_by_name)
     VALUES ($1, '2. tertial 2026', '2026-09-30', $2, 'Tiltak-administrator') RETURNING id`,
    [programmeId, openedAt],
  );
  const leadActions = (
    await dataSource.query<{ id: string }[]>(
      `SELECT a.id FROM action a
         JOIN involvement i ON i.action_id = a.id AND i.role = 'LEAD'
         JOIN app_user u ON u.party_id = i.party_id AND u.email = $1
        ORDER BY a.code LIMIT 2`,
      [LEAD],
    )
  ).map((row) => row.id);
  const [{ id: nesAction, municipality_id: nesId }] = await dataSource.query<{ id: string; municipality_id: string }[]>(
    `SELECT a.id, p.municipality_id FROM action a
       JOIN participation p ON p.action_id = a.id
       JOIN municipality m ON m.id = p.municipality_id AND m.name = 'Nes'
      WHERE a.id <> ALL($1::uuid[])
      ORDER BY a.code LIMIT 1`,
    [leadActions],
  );
  for (const actionId of leadActions) {
    await dataSource.query(`INSERT INTO round_report (round_id, action_id) VALUES ($1, $2)`, [roundId, actionId]);
  }
  await dataSource.query(`INSERT INTO round_report (round_id, action_id, municipality_id) VALUES ($1, $2, $3)`, [
    roundId,
    nesAction,
    nesId,
  ]);
  return { leadActions, nesAction };
}

const links = (mail: ArrivedMail) => [...(mail.parsed.text ?? '').matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);

describe('reminders by e-mail, with two API instances and one clock', () => {
  const clock = new SettableClock(morning('2026-09-01'));
  let smtp: SmtpPeer;
  let api: TestApi;
  let other: Awaited<ReturnType<TestApi['anotherInstance']>>;
  /** What the schedule does, on both instances at the same moment. */
  const onBoth = (job: string) => Promise.all([api.runJob(job), other.runJob(job)]);

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    api = await startTestApi(
      { SMTP_URL: smtp.url, MAIL_FROM: 'Tiltak <tiltak@gardermoregionen.test>', PUBLIC_URL: PUBLIC },
      { clock },
    );
    other = await api.anotherInstance();
    await openRound(api.db.dataSource, morning('2026-09-01', 7));
  }, 60_000);

  afterAll(async () => {
    await other?.close();
    await api?.close();
    await smtp?.close();
  });

  it('sends each owner one digest on the opening day, in their language, once however many instances run', async () => {
    const lead = await api.as(LEAD);
    await lead.data(`mutation { updateMailSettings(input: { language: en, stopped: [] }) { language } }`);

    await onBoth('reminder-sweep');
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    await onBoth('deliver-mail');

    expect(smtp.arrived.map((mail) => mail.to).sort()).toEqual([[NES], [LEAD]]);
    const toLead = smtp.arrived.find((mail) => mail.to[0] === LEAD)!;
    const toNes = smtp.arrived.find((mail) => mail.to[0] === NES)!;
    expect(toLead.parsed.subject).toBe('New reporting round in Tiltak: you have 2 reports to submit');
    expect(toLead.parsed.headers.get('content-language')).toBe('en');
    expect(toLead.parsed.text).toContain('2. tertial 2026, due 30 September 2026');
    expect(toLead.parsed.html).toContain('<html lang="en">');
    expect(toNes.parsed.subject).toBe('Ny rapporteringsrunde i Tiltak: du har 1 rapport å levere');
    expect(toNes.parsed.text).toContain('2. tertial 2026, frist 30. september 2026');
    expect(toNes.parsed.text).toContain('(Nes): ikke påbegynt');
    expect(toNes.parsed.from?.value).toEqual([{ name: 'Tiltak', address: 'tiltak@gardermoregionen.test' }]);
    for (const mail of [toLead, toNes]) {
      expect(links(mail)).toContain(`${PUBLIC}/my-reports`);
      expect(links(mail)).toContain(`${PUBLIC}/mail-settings`);
      expect(links(mail).some((link) => link.startsWith(`${PUBLIC}/stop-mail/`))).toBe(true);
    }
  });

  it('sends nothing on a day with no reminder, and one digest a day on reminder days', async () => {
    clock.set(morning('2026-09-02'));
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(smtp.arrived).toHaveLength(2);

    // Not at night: the day's digests wait for the morning.
    clock.set(morning('2026-09-23', 6));
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(smtp.arrived).toHaveLength(2);

    clock.set(morning('2026-09-23'));
    await onBoth('reminder-sweep');
    // Later the same day: still one digest for the day.
    clock.set(morning('2026-09-23', 18));
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(subjectsTo(smtp.arrived.slice(2))).toEqual([
      [NES, 'Påminnelse fra Tiltak: du har 1 rapport å levere'],
      [LEAD, 'Reminder from Tiltak: you have 2 reports to submit'],
    ]);
  });

  it('leaves out a kind of mail the user stopped, by the link in a mail or in their settings', async () => {
    const toLead = smtp.arrived.find((mail) => mail.to[0] === LEAD && mail.parsed.subject?.startsWith('Reminder'))!;
    const stopLink = links(toLead).find((link) => link.includes('/stop-mail/'))!;
    const token = stopLink.split('/stop-mail/')[1];
    // A link made from an id alone, or changed, stops nothing.
    const [{ id: leadId }] = await api.db.dataSource.query<{ id: string }[]>(
      `SELECT id FROM app_user WHERE email = $1`,
      [LEAD],
    );
    const forged = await api.anonymous.gql(`mutation($t: String!) { stopMail(token: $t) { kind } }`, { t: leadId });
    expect(forged.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await expect(
      api.anonymous.data(`mutation($t: String!) { stopMail(token: $t) { kind } }`, { t: token }),
    ).resolves.toEqual({ stopMail: { kind: 'REMINDER' } });
    await expect((await api.as(LEAD)).data(`{ mailSettings { language stopped } }`)).resolves.toEqual({
      mailSettings: { language: 'en', stopped: ['REMINDER'] },
    });

    const before = smtp.arrived.length;
    clock.set(morning('2026-09-29'));
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(subjectsTo(smtp.arrived.slice(before))).toEqual([[NES, 'Påminnelse fra Tiltak: du har 1 rapport å levere']]);

    // A mail program's own "unsubscribe" (RFC 8058): a POST to the mail's List-Unsubscribe address.
    const opening = smtp.arrived.find((mail) => mail.to[0] === NES)!;
    const header = opening.parsed.headerLines.find((line) => line.key === 'list-unsubscribe')?.line ?? '';
    const unsubscribe = /<(https?:\/\/[^>]+)>/.exec(header)?.[1] ?? '';
    expect(unsubscribe.startsWith(`${PUBLIC}/stop-mail/`)).toBe(true);
    expect(opening.parsed.headerLines.find((line) => line.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    const posted = await fetch(unsubscribe.replace(PUBLIC, api.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(posted.status).toBe(200);
    const nes = await api.as(NES);
    await expect(nes.data(`{ mailSettings { stopped } }`)).resolves.toEqual({
      mailSettings: { stopped: ['ROUND_OPENED'] },
    });
    expect((await fetch(`${api.url}/stop-mail/${leadId}`, { method: 'POST' })).status).toBe(404);

    await nes.data(`mutation { updateMailSettings(input: { language: nn, stopped: [REMINDER] }) { language } }`);
    clock.set(morning('2026-09-30'));
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(smtp.arrived).toHaveLength(before + 1);
  });

  it('delivers a mail the SMTP server refused once at the next attempt, once', async () => {
    const nes = await api.as(NES);
    await nes.data(`mutation { updateMailSettings(input: { language: nn, stopped: [] }) { language } }`);
    const before = smtp.arrived.length;
    clock.set(morning('2026-10-01'));
    smtp.refuseNext(1);
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(smtp.arrived).toHaveLength(before);
    const [refused] = await api.db.dataSource.query<{ state: string; attempts: number; last_error: string }[]>(
      `SELECT state, attempts, last_error FROM mail_outbox WHERE recipient = $1 ORDER BY created_at DESC LIMIT 1`,
      [NES],
    );
    expect(refused).toMatchObject({ state: 'QUEUED', attempts: 1 });
    expect(refused.last_error).toContain('451');

    // Not yet due: the next attempt waits a minute.
    await onBoth('deliver-mail');
    expect(smtp.arrived).toHaveLength(before);
    clock.set(new Date(clock.now().getTime() + 2 * 60_000));
    await onBoth('deliver-mail');
    await onBoth('deliver-mail');
    expect(subjectsTo(smtp.arrived.slice(before))).toEqual([[NES, 'Påminning frå Tiltak: du har 1 rapport å levere']]);
    expect(smtp.arrived.at(-1)!.parsed.text).toContain('(Nes): ikkje påbyrja');
  });

  it('adds a mail once per dedupe key, and gives it up after five refused attempts', async () => {
    const mail = api.get(MailService);
    const link = {
      kind: 'REPORT_LINK',
      to: 'kari@bedrift.test',
      language: 'nb' as const,
      subject: 'Lenke til rapporten',
      text: 'Hei',
      html: '<p>Hei</p>',
      dedupeKey: 'link:test',
    };
    await expect(mail.enqueue(link)).resolves.toBe(true);
    await expect(mail.enqueue({ ...link, subject: 'En gang til' })).resolves.toBe(false);

    const before = smtp.arrived.length;
    smtp.refuseNext(5);
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await onBoth('deliver-mail');
      clock.set(new Date(clock.now().getTime() + 20 * 60_000));
    }
    const [given] = await api.db.dataSource.query<{ state: string; attempts: number; subject: string }[]>(
      `SELECT state, attempts, subject FROM mail_outbox WHERE dedupe_key = 'link:test'`,
    );
    expect(given).toEqual({ state: 'FAILED', attempts: 5, subject: 'Lenke til rapporten' });
    expect(smtp.arrived).toHaveLength(before);
    smtp.refuseNext(0);
  });

  it('closes the round once its deadline and grace have passed, and reminds no more', async () => {
    clock.set(morning('2026-10-07', 23));
    await onBoth('close-due-rounds');
    const state = () =>
      api.db.dataSource.query<{ state: string }[]>(`SELECT state FROM reporting_round WHERE name = '2. tertial 2026'`);
    await expect(state()).resolves.toEqual([{ state: 'OPEN' }]);

    clock.set(morning('2026-10-08'));
    await onBoth('close-due-rounds');
    await expect(state()).resolves.toEqual([{ state: 'CLOSED' }]);
    const before = smtp.arrived.length;
    await onBoth('reminder-sweep');
    await onBoth('deliver-mail');
    expect(smtp.arrived).toHaveLength(before);
  });
});

describe('without SMTP_URL', () => {
  const clock = new SettableClock(morning('2026-09-01'));
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({}, { clock });
    await openRound(api.db.dataSource, morning('2026-09-01', 7));
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('keeps every mail in the outbox, for admins to read and nobody else', async () => {
    await api.runJob('reminder-sweep');
    await api.runJob('deliver-mail');

    const { mailOutbox } = await api.data<{
      mailOutbox: {
        totalCount: number;
        edges: { node: { recipient: string; state: string; subject: string; text: string } }[];
      };
    }>(`{ mailOutbox(first: 10) { totalCount edges { node { recipient state subject text } } } }`);
    expect(mailOutbox.totalCount).toBe(2);
    expect(mailOutbox.edges.map((edge) => [edge.node.recipient, edge.node.state]).sort()).toEqual([
      [NES, 'KEPT'],
      [LEAD, 'KEPT'],
    ]);
    // Without PUBLIC_URL, links point at the instance itself.
    expect(mailOutbox.edges.find((edge) => edge.node.recipient === NES)?.node.text).toContain(`${api.url}/my-reports`);

    for (const email of [NES, LEAD, 'rad@tiltak.test']) {
      const refused = await (await api.as(email)).gql(`{ mailOutbox { totalCount } }`);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.anonymous.gql(`{ mailOutbox { totalCount } }`)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('the job queue', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  it('keeps each schedule once in its own schema, in Oslo time, however many instances start', async () => {
    const other = await api.anotherInstance();
    await other.close();
    await expect(
      api.db.dataSource.query(`SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`),
    ).resolves.toEqual([
      { name: 'close-due-rounds', cron: '*/5 * * * *', timezone: 'Europe/Oslo' },
      { name: 'deliver-mail', cron: '* * * * *', timezone: 'Europe/Oslo' },
      { name: 'reminder-sweep', cron: '*/10 * * * *', timezone: 'Europe/Oslo' },
    ]);
    await expect(
      api.db.dataSource.query(`SELECT name, policy FROM pgboss.queue WHERE name NOT LIKE '\\_\\_%' ORDER BY name`),
    ).resolves.toEqual([
      { name: 'close-due-rounds', policy: 'singleton' },
      { name: 'deliver-mail', policy: 'singleton' },
      { name: 'reminder-sweep', policy: 'singleton' },
    ]);
  });
});

function subjectsTo(mails: ArrivedMail[]): [string, string][] {
  return mails.map((mail): [string, string] => [mail.to.join(), mail.parsed.subject ?? '']).sort();
}
