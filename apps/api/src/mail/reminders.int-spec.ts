import { SettableClock } from '@tiltak/api-core';
import type { DataSource } from 'typeorm';
import { type ArrivedMail, SmtpPeer } from '../testing/smtp-peer';
import { startTestApi, type TestApi } from '../testing/test-api';

const LEAD = 'leder@tiltak.test';
const NES = 'koordinator.nes@tiltak.test';

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
    api = await startTestApi({ SMTP_URL: smtp.url, MAIL_FROM: 'Tiltak <tiltak@gardermoregionen.test>' }, { clock });
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
      expect(links(mail)).toContain(`${api.url}/my-reports`);
      expect(links(mail)).toContain(`${api.url}/mail-settings`);
      expect(links(mail).some((link) => link.startsWith(`${api.url}/stop-mail/`))).toBe(true);
    }
  });

  it('sends nothing on a day with no reminder, and one digest a day on reminder days', async () => {
    clock.set(morning('2026-09-02'));
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

    const nes = await api.as(NES);
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
    expect(mailOutbox.edges.find((edge) => edge.node.recipient === NES)?.node.text).toContain('/my-reports');

    for (const email of [NES, LEAD, 'rad@tiltak.test']) {
      const refused = await (await api.as(email)).gql(`{ mailOutbox { totalCount } }`);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await api.anonymous.gql(`{ mailOutbox { totalCount } }`)).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

function subjectsTo(mails: ArrivedMail[]): [string, string][] {
  return mails.map((mail): [string, string] => [mail.to.join(), mail.parsed.subject ?? '']).sort();
}
