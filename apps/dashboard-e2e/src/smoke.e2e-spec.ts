import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { type BuiltTiltak, startBuiltTiltak } from './support/built-tiltak';

async function signInAs(page: Page, email: string, password = 'tiltak-demo'): Promise<void> {
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

describe('the dashboard, served by the built API', () => {
  let db: TestDatabase;
  let tiltak: BuiltTiltak;
  let browser: Browser;

  beforeAll(async () => {
    db = await createTestDatabase();
    tiltak = await startBuiltTiltak({ DATABASE_URL: db.url });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await tiltak?.stop();
    await db?.drop();
  });

  it('asks for sign-in, then shows the programme, its municipalities and focus areas from the database', async () => {
    // A name the test writes into the database itself, so the page can only show it by asking the API.
    await db.dataSource.query(`UPDATE municipality SET name = 'Nes kommune (testdata)' WHERE slug = 'nes'`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    await page.goto(tiltak.url);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await screenshot(page, 'sign-in-nb');
    await signInAs(page, 'rad@tiltak.test');

    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    const municipalities = page.getByRole('region', { name: 'Kommuner' }).getByRole('listitem');
    await expect(municipalities.allInnerTexts()).resolves.toEqual([
      'Eidsvoll',
      'Gjerdrum',
      'Hurdal',
      'Nannestad',
      'Nes kommune (testdata)',
      'Ullensaker',
    ]);
    await expect(page.getByRole('region', { name: 'Satsingsområder' }).getByRole('listitem').count()).resolves.toBe(6);
    await expect(page.getByText('Innlogget som Regionrådets sekretariat').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nb-NO');
    await screenshot(page, 'overview-nb');

    // The session survives a reload through the refresh cookie, and ends on sign-out.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await context.close();
  });

  it('says so when the password is wrong', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(tiltak.url);

    await signInAs(page, 'rad@tiltak.test', 'feil-passord');

    await expect(page.getByRole('alert').innerText()).resolves.toBe('Feil e-postadresse eller passord.');
    await context.close();
  });

  it('switches to English and remembers the choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(tiltak.url);

    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB');
    await context.close();
  });

  it('serves the dashboard for a deep link, so shared links open', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    const response = await page.goto(`${tiltak.url}/no/such/page`);

    expect(response?.status()).toBe(200);
    await signInAs(page, 'leder@tiltak.test');
    await page.getByRole('heading', { name: 'Fant ikke siden' }).waitFor();
    await context.close();
  });
});
