import { seriousViolations } from './support/axe';
import { productInBrowser } from './support/product';

/**
 * The outbox (admins), the mail settings (everyone) and the stop link: usable, and with no serious
 * or critical axe violation, in bokmål and in English.
 */
describe('mail pages', () => {
  const product = productInBrowser();

  beforeAll(async () => {
    // Without SMTP_URL every mail is kept in the outbox; one is there for the admin to read.
    await product.db.dataSource.query(
      `INSERT INTO mail_outbox (kind, recipient, language, subject, text, html, dedupe_key, state)
       VALUES ('REMINDER', 'leder@tiltak.test', 'nb', 'Påminnelse fra Tiltak: du har 2 rapporter å levere',
               $1, '<p>Hei</p>', 'digest:e2e', 'KEPT')`,
      ['Hei, Prosjektleder i næringsrådet.\n\nDette er rapportene du ennå ikke har levert:'],
    );
  });

  it('lets the admin read kept mail and every user choose their mail, in bokmål and English', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};

    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill('admin@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Utboks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utboks' }).waitFor();
    await page.getByText('Påminnelse fra Tiltak: du har 2 rapporter å levere').click();
    await page.getByText('Dette er rapportene du ennå ikke har levert:').waitFor();
    await expect(page.getByText('Holdt tilbake').first().isVisible()).resolves.toBe(true);
    found['outbox nb'] = await seriousViolations(page);

    await page.getByRole('link', { name: 'E-postvarsler' }).click();
    await page.getByRole('heading', { level: 1, name: 'E-postvarsler' }).waitFor();
    found['mail settings nb'] = await seriousViolations(page);
    await page.getByLabel('Påminnelser før, på og etter fristen').uncheck();
    await page.getByLabel('Norsk nynorsk').check();
    await page.getByRole('button', { name: 'Lagre e-postvarsler' }).click();
    await page.getByText('E-postvarslene er lagret.').waitFor();

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'E-mail notices' }).waitFor();
    await expect(page.getByLabel('Reminders before, on and after the deadline').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Norsk nynorsk').isChecked()).resolves.toBe(true);
    found['mail settings en'] = await seriousViolations(page);
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByText('Showing 1 e-mail of 1.').waitFor();
    found['outbox en'] = await seriousViolations(page);

    expect(found).toEqual({ 'outbox nb': [], 'mail settings nb': [], 'mail settings en': [], 'outbox en': [] });
    await context.close();
  }, 120_000);

  it('shows no outbox to others, and says plainly when a stop link is not valid', async () => {
    const context = await product.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${product.tiltak.url}/stop-mail/not-a-token`);
    await page.getByRole('heading', { level: 1, name: 'Stopp e-post' }).waitFor();
    await page.getByText('Lenken er ikke gyldig.', { exact: false }).waitFor();
    const found: Record<string, string[]> = { 'stop link nb': await seriousViolations(page) };

    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill('koordinator.nes@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('link', { name: 'E-postvarsler' }).waitFor();
    await expect(page.getByRole('link', { name: 'Utboks' }).count()).resolves.toBe(0);
    await page.goto(`${product.tiltak.url}/outbox`);
    await page.getByText('Bare administratorer kan lese utboksen.').waitFor();

    expect(found).toEqual({ 'stop link nb': [] });
    await context.close();
  }, 120_000);
});
