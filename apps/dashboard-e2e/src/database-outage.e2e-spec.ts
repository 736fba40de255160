import { freeLoopbackPort, type RunningDatabase, startEmbeddedDatabase } from '@tiltak/api-data-access';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './support/browser';
import { type BuiltTiltak, signIn, startBuiltTiltak } from './support/built-tiltak';
import { graphqlAs } from './support/product';

const WAITING = 'Venter på databasen';

/**
 * A signed-in user on an action's page while the API's database goes away and comes back. The
 * built API runs against a cluster of this test's own, which it stops and starts again, so that
 * no other test is disturbed.
 */
describe('the dashboard while the database is away', () => {
  let dir: string;
  let port: number;
  let database: RunningDatabase;
  let tiltak: BuiltTiltak;
  let browser: Browser;

  const startDatabase = () => startEmbeddedDatabase({ dataDir: dir, port, database: 'tiltak' });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tiltak-outage-'));
    // The cluster runs as the `postgres` user when the tests run as root: it must reach the folder.
    await chmod(dir, 0o755);
    port = await freeLoopbackPort();
    database = await startDatabase();
    tiltak = await startBuiltTiltak({
      DATABASE_URL: database.url,
      AUTH_SECRET: 'e2e-secret-that-is-at-least-thirty-two-characters-long',
    });
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await tiltak?.stop();
    await database?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const save = async (page: Page, comment: string) => {
    await page.getByLabel('Kommentar').fill(comment);
    await page.getByRole('button', { name: 'Lagre oppdateringen' }).click();
  };

  it('says it is waiting for the database, and works again by itself once it is back', async () => {
    const token = await signIn(tiltak.url, 'admin@tiltak.test');
    const { actions } = await graphqlAs(
      tiltak.url,
      token,
    )<{ actions: { edges: { node: { id: string } }[] } }>('{ actions(first: 1) { edges { node { id } } } }');
    const actionId = actions.edges[0].node.id;

    const page = await (await browser.newContext()).newPage();
    await page.goto(tiltak.url);
    await page.getByLabel('E-postadresse').fill('admin@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    await page.goto(`${tiltak.url}/actions/${actionId}`);
    await page.getByRole('heading', { name: 'Oppdater status' }).waitFor();
    const waiting = page.getByRole('status').filter({ hasText: WAITING });

    await database.stop();
    // The page does nothing: it learns from its live connection that the database went away.
    await waiting.waitFor({ timeout: 10_000 });
    await screenshot(page, 'database-away');
    // A save meanwhile is refused in plain words, and nothing else breaks.
    await save(page, 'Skrevet mens databasen var borte');
    await page
      .getByRole('status')
      .filter({ hasText: 'Tiltak får ikke kontakt med databasen akkurat nå. Prøv igjen om litt.' })
      .waitFor();
    await expect(waiting.isVisible()).resolves.toBe(true);

    database = await startDatabase();
    await waiting.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByRole('status').filter({ hasText: 'Databasen er tilbake.' }).waitFor();
    await save(page, 'Skrevet etter at databasen kom tilbake');
    await page.getByRole('status').filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();
    await page.getByText('Skrevet etter at databasen kom tilbake').first().waitFor();

    // The API went through it all in one process, and nothing escaped its handling.
    expect(tiltak.process.exitCode).toBeNull();
    expect(tiltak.output()).not.toMatch(/unhandled promise rejection|uncaught/i);
  }, 90_000);
});
