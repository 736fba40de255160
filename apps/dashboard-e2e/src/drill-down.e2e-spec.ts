import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';
import { productInBrowser } from './support/product';

/** A cell's or a summary's figures as `data-figures` carries them: count|on track|at risk|off track|overdue|progress. */
interface Figures {
  actionCount: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  overdue: number;
  progress: string;
}

function figuresOf(key: string | null): Figures {
  const [actionCount, onTrack, atRisk, offTrack, overdue, progress] = (key ?? '').split('|');
  return {
    actionCount: Number(actionCount),
    onTrack: Number(onTrack),
    atRisk: Number(atRisk),
    offTrack: Number(offTrack),
    overdue: Number(overdue),
    progress,
  };
}

/** A percentage as the dashboard writes it in bokmål: "15 %", "42,5 %". */
const percent = (progress: string) =>
  new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 }).format(Number(progress) / 100);

async function signIn(page: Page): Promise<void> {
  await page.getByLabel('E-postadresse').fill('rad@tiltak.test');
  await page.getByLabel('Passord').fill('tiltak-demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

/**
 * The promise: a cell of the overview and the list behind it show the same figures. For
 * each of the 36 cells the test opens the list the cell links to and holds its summary, and the
 * municipality's own figures in its rows, to the cell.
 */
describe('drill-downs that add up, in the browser', () => {
  const product = productInBrowser();

  it('shows, behind every cell of the matrix, a list whose summary and rows repeat the cell’s figures', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await signIn(page);

    const matrix = page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' });
    const cellLinks = matrix.locator('a[href^="/actions?municipality="][data-figures]');
    await cellLinks.first().waitFor();
    const cells = await cellLinks.evaluateAll((links) =>
      links.map((link) => ({ href: link.getAttribute('href') ?? '', figures: link.getAttribute('data-figures') })),
    );
    expect(cells).toHaveLength(36);
    expect(new Set(cells.map((cell) => cell.href)).size).toBe(36);

    const summaries: string[] = [];
    for (const cell of cells) {
      await matrix.locator(`a[href="${cell.href}"]`).click();
      await page.waitForURL((url) => `${url.pathname}${url.search}` === cell.href);
      const summary = page.locator('.list-summary [data-figures]');
      await summary.waitFor();
      const expected = figuresOf(cell.figures);
      const shown = await summary.getAttribute('data-figures');
      expect({ cell: cell.href, figures: figuresOf(shown) }).toEqual({ cell: cell.href, figures: expected });

      // What a reader sees says the same, in words.
      const text = await summary.innerText();
      for (const words of [
        `${expected.actionCount} tiltak`,
        `${expected.onTrack} i rute`,
        `${expected.atRisk} i risiko`,
        `${expected.offTrack} utenfor kurs`,
        `${expected.overdue} forsinke`,
        `framdrift ${percent(expected.progress)}`,
      ]) {
        expect({ cell: cell.href, text: text.includes(words) ? words : text }).toEqual({
          cell: cell.href,
          text: words,
        });
      }

      // The rows are the municipality's own figures: their health adds up to the cell's counts.
      const rows = page.locator('table.actions-table tbody tr');
      await page.getByText(/^\d+ tiltak$/).waitFor();
      const listed = await rows.evaluateAll((trs) =>
        trs.map((tr) => ({ status: tr.getAttribute('data-status'), health: tr.getAttribute('data-health') })),
      );
      const counted = listed.filter((row) => row.status !== 'CANCELLED');
      expect({
        cell: cell.href,
        actionCount: listed.length,
        onTrack: counted.filter((row) => row.health === 'ON_TRACK').length,
        atRisk: counted.filter((row) => row.health === 'AT_RISK').length,
        offTrack: counted.filter((row) => row.health === 'OFF_TRACK').length,
      }).toEqual({
        cell: cell.href,
        actionCount: expected.actionCount,
        onTrack: expected.onTrack,
        atRisk: expected.atRisk,
        offTrack: expected.offTrack,
      });
      summaries.push(cell.href);

      if (summaries.length === 1) {
        // The explanation opens from the summary and lists each action with its weight.
        const disclosure = page.locator('.list-summary details');
        await disclosure.locator('summary').click();
        await expect(disclosure.getAttribute('open')).resolves.not.toBeNull();
        await expect(disclosure.locator('tbody tr').count()).resolves.toBe(expected.actionCount);
        await screenshot(page, 'drill-down-cell-nb');
        await expect(seriousViolations(page)).resolves.toEqual([]);
      }
      await page.goBack();
      await cellLinks.first().waitFor();
    }
    expect(summaries).toHaveLength(36);
    await context.close();
  }, 180_000);

  it('shows on each municipality’s and focus area’s page the row or column of cells the overview shows', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await signIn(page);
    const matrix = page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' });
    const cellLinks = matrix.locator('a[href^="/actions?municipality="][data-figures]');
    await cellLinks.first().waitFor();
    const overview = new Map(
      await cellLinks.evaluateAll((links) =>
        links.map((link) => [link.getAttribute('href') ?? '', link.getAttribute('data-figures') ?? ''] as const),
      ),
    );
    const places = await matrix
      .locator('a[href^="/municipalities/"], a[href^="/focus-areas/"]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(places).toHaveLength(12);

    for (const place of places) {
      await matrix.locator(`a[href="${place}"]`).click();
      await page.waitForURL((url) => url.pathname === place);
      const rows = page.locator('table.cell-table tbody tr[data-figures]');
      await rows.first().waitFor();
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('a')?.getAttribute('href') ?? '', tr.getAttribute('data-figures')] as const),
      );
      expect(shown).toHaveLength(6);
      if (place === places[0]) await screenshot(page, 'drill-down-focus-area-nb');
      for (const [href, figures] of shown) {
        expect({ place, href, figures }).toEqual({ place, href, figures: overview.get(href) });
      }
      await page.goBack();
      await cellLinks.first().waitFor();
    }
    await context.close();
  }, 120_000);
});
