import type { Page } from 'playwright-core';
import { signIn } from './support/built-tiltak';
import { graphqlAs, productInBrowser } from './support/product';

/** The whole kroner in a cell as people write them in Norwegian ("1 250 000 kr"). */
const kronerIn = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/** Matches a cell holding exactly these kroner, whatever separators the locale puts between the digits. */
const showingKroner = (amount: number) => new RegExp(`^\\D*${String(amount).split('').join('\\D*')}\\D*$`);

describe('money on the council’s overview', () => {
  const product = productInBrowser();

  const signedIn = async (email: string): Promise<Page> => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    return page;
  };

  it('shows a funding line a coordinator records in the focus area’s total, live', async () => {
    // An action of Nes alone, so that Nes's coordinator may record Nes's share on it.
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'koordinator.nes@tiltak.test'));
    const { actions } = await ask<{
      actions: { edges: { node: { id: string; code: string; focusArea: { name: string } } }[] };
    }>('{ actions(first: 100) { edges { node { id code focusArea { name } } } } }');
    const action = actions.edges.map((edge) => edge.node).find((node) => node.code === 'BIO-3')!;

    const council = await signedIn('rad@tiltak.test');
    const table = council.getByRole('table', { name: 'Budsjett, finansiering og egeninnsats per satsingsområde' });
    const row = table.getByRole('row').filter({ has: council.getByRole('rowheader', { name: action.focusArea.name }) });
    // Columns after the focus area: budget, granted, applied, planned, refused, hours.
    const granted = row.getByRole('cell').nth(1);
    await granted.waitFor();
    const before = kronerIn(await granted.textContent());

    const coordinator = await signedIn('koordinator.nes@tiltak.test');
    await coordinator.goto(`${product.tiltak.url}/actions/${action.id}`);
    const form = coordinator.getByRole('form', { name: 'Registrer finansiering' });
    await form.getByLabel('Kilde').selectOption({ label: 'Kommunal andel' });
    await form.getByLabel('Kommune').selectOption({ label: 'Nes' });
    await form.getByLabel('Status').selectOption({ label: 'Innvilget' });
    await form.getByLabel('Beløp (kr)').fill('250000');
    await form.getByLabel('År').fill('2026');
    await form.getByLabel('Saksnummer hos finansiør').fill('2026/77-1');
    await form.getByRole('button', { name: 'Registrer linjen' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Finansieringslinjen er registrert.' }).waitFor();
    await coordinator
      .getByRole('table', { name: 'Finansieringslinjer' })
      .getByRole('row')
      .filter({ hasText: '2026/77-1' })
      .waitFor();

    // The council's overview moves without a reload, and says the row changed.
    await row.getByText('Endret').waitFor();
    await granted.filter({ hasText: showingKroner(before + 250_000) }).waitFor();
    expect(kronerIn(await granted.textContent())).toBe(before + 250_000);
    await council.context().close();
    await coordinator.context().close();
  });
});
