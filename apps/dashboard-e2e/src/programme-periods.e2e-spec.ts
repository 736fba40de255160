import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { productInBrowser } from './support/product';

const REASON = 'Klyngen er etablert og drives videre uten programmets støtte.';

/**
 * Revision (rullering): the admin starts a new period, carrying over most actions and ending two
 * with a reason; the previous period is still there to read, its actions and figures as they were.
 */
describe('programme periods', () => {
  const product = productInBrowser();

  const openAction = async (page: Page, code: string) => {
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tiltak' }).click();
    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${code} `) }).waitFor();
  };

  it('starts a new period, and the previous one is still browsable as it was', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill('admin@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();

    await openAction(page, 'BIO-1');
    const figuresBefore = await page.locator('.action__figures').innerText();

    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Perioder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Programperioder' }).waitFor();
    const form = page.getByRole('form', { name: 'Start en ny periode' });
    for (const code of ['BIO-1', 'BIO-2']) {
      const action = form.getByRole('group', { name: new RegExp(`^${code} `) });
      await action.getByLabel('Avsluttes').check();
      await action.getByLabel(`Begrunnelse for å avslutte ${code}`).fill(REASON);
    }
    const found: Record<string, string[]> = { 'periods form': await seriousViolations(page) };
    await form.getByRole('button', { name: 'Start ny periode' }).click();
    await page.getByText('Perioden 2029–2032 er startet.').waitFor();
    const periods = page.getByRole('table', { name: 'Programperioder, nyeste først' });
    await periods.getByRole('row', { name: /2029–2032.*Gjeldende/ }).waitFor();
    await periods.getByRole('row', { name: /2025–2028.*Avsluttet/ }).waitFor();

    // The new period carries BIO-3 over with its history; BIO-1 ended and is not in it.
    await openAction(page, 'BIO-3');
    await page.getByText('Viderefører BIO-3 fra perioden 2025–2028.').waitFor();
    await expect(page.getByText('(perioden 2025–2028)').count()).resolves.toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Tiltak' }).click();
    await page.getByRole('link', { name: 'BIO-3', exact: true }).waitFor();
    await expect(page.getByRole('link', { name: 'BIO-1', exact: true }).count()).resolves.toBe(0);

    // The previous period, read through the switcher: its actions and figures as they were, nothing to change.
    await page.getByLabel('Programperiode').selectOption({ label: '2025–2028 (avsluttet)' });
    await page.getByText('Du ser på handlingsprogrammet for 2025–2028, som er avsluttet.').waitFor();
    await openAction(page, 'BIO-1');
    await page.getByText(REASON).waitFor();
    await expect(page.locator('.action__figures').innerText()).resolves.toBe(figuresBefore);
    await expect(page.getByRole('link', { name: 'Oppdater status' }).count()).resolves.toBe(0);
    found['ended period'] = await seriousViolations(page);

    await page.getByRole('button', { name: 'Gå til gjeldende periode' }).click();
    // BIO-1 was not carried over: the current period has no such action.
    await page.getByRole('heading', { level: 1, name: 'Fant ikke tiltaket.' }).waitFor();
    await expect(page.getByText('som er avsluttet.').count()).resolves.toBe(0);

    expect(found).toEqual({ 'periods form': [], 'ended period': [] });
    await context.close();
  }, 180_000);
});
