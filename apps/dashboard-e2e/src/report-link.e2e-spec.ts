import { createHash, randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import { SmtpPeer } from '@tiltak/api-mail/testing';
import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { launchChromium, screenshot } from './support/browser';
import { type BuiltTiltak, signIn, startBuiltTiltak } from './support/built-tiltak';
import { graphqlAs } from './support/product';

const PHONE = { width: 375, height: 812 };

/** Whether the page scrolls sideways: on a phone, nothing should. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/**
 * Reporting by link: a coordinator sends a link from the action page, the mail arrives at a real
 * SMTP server, the partner opens it on a phone without an account and reports, and the action shows
 * it with the partner's name and who sent the link. Expired, withdrawn and unknown links say so.
 */
describe('reporting by link', () => {
  let db: TestDatabase;
  let inbox: SmtpPeer;
  let tiltak: BuiltTiltak;
  let browser: Browser;
  let action: { id: string; code: string; title: string };
  let reportId: string;
  let partnerUrl: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    inbox = await SmtpPeer.start();
    tiltak = await startBuiltTiltak({ DATABASE_URL: db.url, SMTP_URL: inbox.url });
    browser = await launchChromium();
    // Fixture: a round for one action of Nes only, opened by the admin through the API.
    [action] = await db.dataSource.query(
      `SELECT a.id, a.code, a.title FROM action a
        WHERE a.status = 'IN_PROGRESS'
          AND (SELECT array_agg(m.name) FROM participation p JOIN municipality m ON m.id = p.municipality_id
                WHERE p.action_id = a.id) = ARRAY['Nes']::varchar[]
        ORDER BY a.code LIMIT 1`,
    );
    const admin = graphqlAs(tiltak.url, await signIn(tiltak.url, 'admin@tiltak.test'));
    const deadline = new Date(Date.now() + 20 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const { openReportingRound } = await admin<{ openReportingRound: { reports: { id: string }[] } }>(
      `mutation($input: OpenReportingRoundInput!) { openReportingRound(input: $input) { reports { id } } }`,
      { input: { name: '2. tertial', deadline, actionIds: [action.id] } },
    );
    reportId = openReportingRound.reports[0].id;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await tiltak?.stop();
    await inbox?.close();
    await db?.drop();
  });

  it('goes from the coordinator’s action page by mail to a partner’s phone, and back into the history', async () => {
    const coordinator = await browser.newContext();
    const page = await coordinator.newPage();
    await page.goto(tiltak.url);
    await page.getByLabel('E-postadresse').fill('koordinator.nes@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    await page.goto(`${tiltak.url}/actions/${action.id}`);

    // The round opened here; the demo's own round may list the action too.
    const section = page
      .getByRole('region', { name: 'Rapportering via lenke' })
      .getByRole('region', { name: '2. tertial', exact: true });
    await section.waitFor();
    const other = section.getByRole('radio', { name: 'En annen adresse' });
    if (await other.count()) await other.check();
    await section.getByLabel('Navn').fill('Kari Nordmann');
    await section.getByLabel('E-postadresse').fill('kari@bedrift.test');
    await section.getByRole('button', { name: 'Send lenke' }).click();
    await section.getByRole('status').filter({ hasText: 'Lenken er sendt til kari@bedrift.test.' }).waitFor();
    await section.getByText('Kari Nordmann (kari@bedrift.test) · Aktiv').waitFor();

    const mail = await inbox.mailTo('kari@bedrift.test');
    expect(mail.subject).toBe(`Rapport for ${action.code} i 2. tertial`);
    partnerUrl = /(http:\/\/\S+\/report\/[A-Za-z0-9_-]{43})/.exec(mail.text ?? '')![1];

    // The partner: a phone, no account, no cookie from anyone.
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const partner = await phone.newPage();
    const response = await partner.goto(partnerUrl);
    // The token in the address never leaves in a Referer header.
    expect(response?.headers()['referrer-policy']).toBe('no-referrer');
    await partner.getByRole('heading', { level: 1, name: `${action.code} ${action.title}` }).waitFor();
    expect(await scrollsSideways(partner)).toBe(false);
    expect(await seriousViolations(partner)).toEqual([]);
    await partner.getByLabel('Språk', { exact: true }).selectOption('en');
    await partner.getByRole('heading', { name: 'Your report' }).waitFor();
    expect(await seriousViolations(partner)).toEqual([]);
    await screenshot(partner, 'report-link-phone-en');
    await partner.getByLabel('Language', { exact: true }).selectOption('nb');

    const submit = partner.getByRole('button', { name: 'Send inn rapporten' });
    const box = await submit.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await partner.getByLabel('Status').selectOption('IN_PROGRESS');
    const progress = partner.getByLabel('Framdrift i prosent');
    if (await progress.count()) await progress.fill('55');
    await partner.getByLabel('Hvordan går det?').fill('To nye bedrifter er med i nettverket.');
    await submit.click();
    await partner.getByRole('heading', { level: 1, name: 'Takk! Rapporten er sendt inn' }).waitFor();
    await screenshot(partner, 'report-link-receipt');

    await page.reload();
    await page.getByText('Kari Nordmann, via lenke fra Nes kommune').first().waitFor();
    const [report] = await db.dataSource.query('SELECT state, submitted_by_name FROM round_report WHERE id = $1', [
      reportId,
    ]);
    expect(report).toEqual({ state: 'SUBMITTED', submitted_by_name: 'Kari Nordmann, via lenke fra Nes kommune' });

    // Withdrawn: the same link, opened again, says so plainly.
    await section.getByRole('button', { name: 'Trekk tilbake lenken til Kari Nordmann' }).click();
    await section.getByRole('status').filter({ hasText: 'Lenken til Kari Nordmann er trukket tilbake.' }).waitFor();
    await partner.goto(partnerUrl);
    await partner.getByRole('heading', { level: 1, name: 'Lenken er trukket tilbake' }).waitFor();
    expect(await seriousViolations(partner)).toEqual([]);
    await coordinator.close();
    await phone.close();
  }, 180_000);

  it('says plainly that a link has expired, or is not known, in bokmål and English', async () => {
    const token = randomBytes(32).toString('base64url');
    await db.dataSource.query(
      `INSERT INTO report_link (report_id, token_hash, recipient_name, recipient_email, sent_by_user_id, sent_by_name,
                                sent_for, expires_at)
       SELECT $1, $2, 'Kari Nordmann', 'kari@bedrift.test', id, name, 'Nes kommune', now() - interval '1 minute'
         FROM app_user WHERE email = 'koordinator.nes@tiltak.test'`,
      [reportId, createHash('sha256').update(token).digest('hex')],
    );
    const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await phone.newPage();
    await page.goto(`${tiltak.url}/report/${token}`);
    await page.getByRole('heading', { level: 1, name: 'Lenken er utløpt' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'The link has expired' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${tiltak.url}/report/${randomBytes(32).toString('base64url')}`);
    await page.getByRole('heading', { level: 1, name: 'We do not recognise this link' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await phone.close();
  });
});
