import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { resolve } from 'node:path';
import { signIn, workspaceRoot } from './support/built-tiltak';
import { graphqlAs, productInBrowser } from './support/product';

interface LedAction {
  id: string;
  code: string;
  version: number;
  status: string;
  health: string;
  focusArea: { name: string };
  municipalities: { municipality: { name: string }; ownStatus: string | null; ownProgress: number | null }[];
  lead: { party: { id: string } } | null;
}

async function councilOverview(product: ReturnType<typeof productInBrowser>, width: number, height: number) {
  const context = await product.browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  await page.goto(product.tiltak.url);
  await page.getByLabel('E-postadresse').fill('rad@tiltak.test');
  await page.getByLabel('Passord').fill('tiltak-demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('heading', { level: 2, name: 'Kommuner og satsingsområder' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Tiltak i risiko eller utenfor kurs' }).waitFor();
  return page;
}

/** The first whole number in a text, read as people write it in Norwegian ("1 234"). */
const numberIn = (text: string) => Number(/\d[\d\s\u00a0]*/.exec(text)![0].replace(/\D/g, ''));

describe('the council’s overview', () => {
  const product = productInBrowser();

  it('shows the worst cell, marked, in the first screen at 1440 × 900 without scrolling', async () => {
    const page = await councilOverview(product, 1440, 900);
    const worst = page.locator('#worst-cell');
    await worst.waitFor();

    const box = (await worst.boundingBox())!;
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
    await expect(worst.innerText()).resolves.toContain('Størst avvik');
    // In words as well as colour: the worst cell has actions off track or at risk, and says so.
    await expect(worst.innerText()).resolves.toMatch(/utenfor kurs|i risiko/);
    await screenshot(page, 'overview-1440');
    // What the council sees before scrolling, for people to look at after a run.
    await page.screenshot({
      path: resolve(workspaceRoot, 'test-artifacts/screenshots/overview-1440-first-screen.png'),
    });
    await page.context().close();
  });

  it('counts the actions at risk or off track exactly as the filtered actions list does', async () => {
    const page = await councilOverview(product, 1440, 900);
    const total = numberIn(await page.getByTestId('at-risk-total').innerText());
    expect(total).toBeGreaterThan(0);

    await page.getByTestId('at-risk-all').click();
    await page.getByRole('heading', { level: 1, name: 'Tiltak' }).waitFor();
    const listed = page.getByRole('status').filter({ hasText: 'tiltak' });
    await listed.waitFor();

    expect(numberIn(await listed.innerText())).toBe(total);
    await page.context().close();
  });

  it('shows a lead’s status change as old → new on the council’s open overview, and names the cell aloud', async () => {
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'leder@tiltak.test'));
    const { me } = await ask<{ me: { partyId: string } }>('{ me { partyId } }');
    const { actions } = await ask<{ actions: { edges: { node: LedAction }[] } }>(
      `query($p: ID!) { actions(first: 100, filter: { partyIds: [$p] }) { edges { node {
         id code version status health focusArea { name }
         municipalities { municipality { name } ownStatus ownProgress } lead { party { id } } } } } }`,
      { p: me.partyId },
    );
    // An unfinished action of the lead's, off track or at risk where it follows the action's own figures:
    // completing it moves its cells' counts by health.
    const target = actions.edges
      .map((e) => e.node)
      .find(
        (a) =>
          a.lead?.party.id === me.partyId &&
          a.status === 'IN_PROGRESS' &&
          a.health !== 'ON_TRACK' &&
          a.municipalities.some((m) => m.ownStatus === null && m.ownProgress === null),
      )!;
    const place = target.municipalities.find((m) => m.ownStatus === null && m.ownProgress === null)!;
    const cellName = `${place.municipality.name}, ${target.focusArea.name}:`;

    const page = await councilOverview(product, 1440, 900);
    const cell = page.locator('.matrix__link').filter({ hasText: cellName });
    await cell.waitFor();

    await ask('mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { version } }', {
      input: { actionId: target.id, expectedVersion: target.version, status: 'COMPLETED', comment: 'Levert' },
    });

    const change = cell.locator('.matrix__change');
    await change.waitFor({ timeout: 5_000 });
    await expect(change.innerText()).resolves.toMatch(/Endret.*→/s);
    await expect(
      cell.evaluate((link) => link.closest('td')!.classList.contains('matrix__cell--changed')),
    ).resolves.toBe(true);
    const announcement = page.getByTestId('matrix-announcement');
    await expect(announcement.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(announcement.textContent()).resolves.toContain(
      `${place.municipality.name} × ${target.focusArea.name}: `,
    );
    await expect(announcement.textContent()).resolves.toContain('→');
    await screenshot(page, 'overview-changed-cell');

    // The latest changes come from the history: after a reload they are there, one entry for the save.
    await page.reload();
    const recent = page.getByTestId('recent-changes');
    await recent.waitFor();
    const entries = recent.getByRole('listitem').filter({ hasText: target.code });
    await expect(entries.count()).resolves.toBe(1);
    await expect(entries.first().innerText()).resolves.toMatch(/Ny statusoppdatering[\s\S]*\d{2}:\d{2}/);
    await page.context().close();
  });

  it('reads as one column at 375 px, the matrix scrolling sideways on its own', async () => {
    const page: Page = await councilOverview(product, 375, 812);
    await screenshot(page, 'overview-375');
    await page.screenshot({ path: resolve(workspaceRoot, 'test-artifacts/screenshots/overview-375-first-screen.png') });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(375);
    await page.context().close();
  });
});
