import { createTestDatabase, type TestDatabase } from '@tiltak/api-data-access/testing';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { type BuiltTiltak, startBuiltTiltak } from './support/built-tiltak';

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

  it('shows the programme, its municipalities and focus areas from the database, in bokmål', async () => {
    // A name the test writes into the database itself, so the page can only show it by asking the API.
    await db.dataSource.query(`UPDATE municipality SET name = 'Nes kommune (testdata)' WHERE slug = 'nes'`);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    await page.goto(tiltak.url);

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
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nb-NO');
    await screenshot(page, 'overview-nb');
    await context.close();
  });

  it('switches to English and remembers the choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(tiltak.url);

    await page.getByLabel('Språk').selectOption('en');
    await page.getByRole('heading', { name: 'Municipalities' }).waitFor();
    await page.reload();

    await page.getByRole('heading', { name: 'Focus areas' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB');
    await context.close();
  });

  it('serves the dashboard for a deep link, so shared links open', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();

    const response = await page.goto(`${tiltak.url}/no/such/page`);

    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Fant ikke siden' }).waitFor();
    await context.close();
  });
});
