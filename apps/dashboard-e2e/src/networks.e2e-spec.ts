import type { Page } from 'playwright-core';
import { osloDate } from '@tiltak/domain';
import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { productInBrowser } from './support/product';

const NETWORK = 'Nettverk for sirkulær emballasje';

/**
 * The register from end to end, as the programme's keeper meets it: a network is recorded with the
 * action that founded it and its member businesses in two municipalities, and the "new networks"
 * indicator, computed from the register, counts it in each of them and once in the region's total,
 * and says so.
 */
describe('the register of networks and clusters in the dashboard', () => {
  const product = productInBrowser();
  const year = osloDate().slice(0, 4);

  const signInAs = async (email: string): Promise<Page> => {
    const context = await product.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    return page;
  };
  /** The "new networks" card on a municipality's page: its row for this year, municipality then region. */
  const newNetworksRow = async (page: Page, slug: string) => {
    await page.goto(`${product.tiltak.url}/municipalities/${slug}`);
    const card = page.getByRole('figure', { name: 'Nye nettverk (nettverk)' });
    const row = card.getByRole('row').filter({ has: page.getByRole('rowheader', { name: year, exact: true }) });
    await row.waitFor();
    return { card, cells: async () => (await row.getByRole('cell').allInnerTexts()).map((text) => text.trim()) };
  };

  it('records a network with its members, and the computed indicator counts it, with the regional total', async () => {
    const page = await signInAs('admin@tiltak.test');
    const [hurdalBefore, regionBefore] = await (await newNetworksRow(page, 'hurdal')).cells();

    await page
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Nettverk og klynger' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Nettverk og klynger' }).waitFor();
    const register = page.getByRole('table', { name: 'Nettverk og klynger i regionen, nyeste først' });
    await register.getByRole('rowheader', { name: 'Logistikknettverket rundt Oslo lufthavn' }).waitFor();
    const form = page.getByRole('form', { name: 'Registrer et nettverk eller en klynge' });
    await form.getByLabel('Navn').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('Navn').fill(NETWORK);
    await form.getByLabel('Type').selectOption({ label: 'Nettverk' });
    await form.getByLabel('Etablert', { exact: true }).fill(`${year}-01-15`);
    const action = form.getByLabel('Tiltaket som etablerte det');
    const bio2 = (await action.getByRole('option').allInnerTexts()).find((label) => label.startsWith('BIO-2 '))!;
    await action.selectOption({ label: bio2 });
    await form.getByRole('button', { name: 'Registrer' }).click();
    await page.getByRole('status').getByText(`${NETWORK} er registrert.`).waitFor();
    await register.getByRole('rowheader', { name: NETWORK }).waitFor();

    await page.getByRole('link', { name: `Gå til ${NETWORK}` }).click();
    await page.getByRole('heading', { level: 1, name: NETWORK }).waitFor();
    const members = page.getByRole('form', { name: 'Registrer medlemsbedrifter' });
    for (const [municipality, count] of [
      ['Hurdal', '4'],
      ['Nes', '2'],
    ]) {
      await members.getByLabel('Kommune').selectOption({ label: municipality });
      await members.getByLabel('Antall medlemsbedrifter').fill(count);
      await members.getByRole('button', { name: 'Lagre medlemsbedrifter' }).click();
      await page.getByRole('status').getByText(`${municipality}: ${count} medlemsbedrifter er lagret.`).waitFor();
    }
    const table = page.getByRole('table', { name: 'Medlemsbedrifter per kommune' });
    const totalRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'I alt' }) });
    await expect(totalRow.getByRole('cell').innerText()).resolves.toBe('6');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'network-page-nb');

    const { card, cells } = await newNetworksRow(page, 'hurdal');
    // One more new network in Hurdal this year, and one more in the region: it counts once there.
    await expect(cells()).resolves.toEqual([String(Number(hurdalBefore) + 1), String(Number(regionBefore) + 1)]);
    await card.getByText('Regnet ut fra registeret over nettverk').waitFor();
    await card.getByText('Slik er regionens tall laget').click();
    await card
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`^${year}: .*${NETWORK}`) })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'network-indicator-with-region-nb');

    const nes = await newNetworksRow(page, 'nes');
    await expect(nes.cells()).resolves.toEqual([expect.any(String), String(Number(regionBefore) + 1)]);
  }, 90_000);
});
