import { graphqlAs, productInBrowser } from './support/product';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';

/** A project lead updating an action they lead, by keyboard, and meeting someone else's save. */
describe('the action workspace', () => {
  const product = productInBrowser();
  let actionId: string;

  const signInWithKeyboard = async (page: Page, email: string) => {
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('tiltak-demo');
    await page.keyboard.press('Enter');
    // A project lead lands on their own actions, everyone else on the overview.
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram|Mine tiltak/ }).waitFor();
  };

  beforeAll(async () => {
    // Fixture: an action without milestones (so its lead sets progress) that the lead's party leads.
    const lead = await signIn(product.tiltak.url, 'leder@tiltak.test');
    const admin = await signIn(product.tiltak.url, 'admin@tiltak.test');
    const ask = (token: string) => graphqlAs(product.tiltak.url, token);
    const { me } = await ask(lead)<{ me: { partyId: string } }>('{ me { partyId } }');
    const { actions } = await ask(admin)<{
      actions: {
        edges: {
          node: {
            id: string;
            status: string;
            milestones: unknown[];
            involvements: { id: string; version: number; role: string; party: { id: string } }[];
          };
        }[];
      };
    }>(
      '{ actions(first: 100) { edges { node { id status milestones { id } involvements { id version role party { id } } } } } }',
    );
    const target = actions.edges
      .map((e) => e.node)
      .find(
        (a) =>
          a.milestones.length === 0 &&
          !['CANCELLED', 'COMPLETED'].includes(a.status) &&
          !a.involvements.some((i) => i.party.id === me.partyId),
      )!;
    const currentLead = target.involvements.find((i) => i.role === 'LEAD');
    if (currentLead) {
      await ask(admin)('mutation($input: RemoveInvolvementInput!) { removeInvolvement(input: $input) { id } }', {
        input: { involvementId: currentLead.id, expectedVersion: currentLead.version },
      });
    }
    await ask(admin)('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { id } }', {
      input: { actionId: target.id, partyId: me.partyId, role: 'LEAD', level: 'OPERATIONAL' },
    });
    actionId = target.id;
  });

  it('lets a project lead update status and progress with the keyboard only, and keeps it in the history', async () => {
    const context = await product.browser.newContext();
    const page = await context.newPage();
    await signInWithKeyboard(page, 'leder@tiltak.test');
    await page.goto(`${product.tiltak.url}/actions/${actionId}`);
    await page.getByRole('heading', { name: 'Oppdater status' }).waitFor();

    await page.getByLabel('Status', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('64');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Avtale med to nye bedrifter signert');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    await page.getByRole('status').filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();
    await page.getByText('Avtale med to nye bedrifter signert').waitFor();
    await expect(page.getByText('64 %').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'action-workspace');
    await context.close();
  });

  it('keeps the list’s filters and order in the address, so a shared link shows the same list', async () => {
    const page = await (await product.browser.newContext()).newPage();
    await signInWithKeyboard(page, 'rad@tiltak.test');

    await page.goto(`${product.tiltak.url}/actions?health=OFF_TRACK&sort=progress`);
    await page.locator('table tbody tr').first().waitFor();
    const rows = await page.$$eval('table tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())),
    );

    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[4]))).toEqual(new Set(['Utenfor kurs']));
    const progress = rows.map((row) => Number(row[3].replace(/[^\d,]/g, '').replace(',', '.')));
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const chosen = await page.$$eval('form.filters select', (selects) =>
      selects.map((select) => (select as HTMLSelectElement).value),
    );
    expect(chosen).toEqual(expect.arrayContaining(['OFF_TRACK', 'progress']));
  });

  it('shows who else is on the action’s page, and that they are editing the status', async () => {
    const lead = await (await product.browser.newContext()).newPage();
    const council = await (await product.browser.newContext()).newPage();
    await signInWithKeyboard(lead, 'leder@tiltak.test');
    await signInWithKeyboard(council, 'rad@tiltak.test');
    await council.goto(`${product.tiltak.url}/actions/${actionId}`);
    await lead.goto(`${product.tiltak.url}/actions/${actionId}`);

    await council.getByText('Også her nå: Prosjektleder i næringsrådet').waitFor();
    await lead.getByLabel('Kommentar').focus();
    await council.getByText('Prosjektleder i næringsrådet (redigerer status)').waitFor();
    await lead.close();
    await council.getByText('Også her nå').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('shows a conflict when someone else saved first, and applies the user’s version only when asked', async () => {
    const first = await (await product.browser.newContext()).newPage();
    const second = await (await product.browser.newContext()).newPage();
    // Without live updates the second page keeps what it loaded, as a tab does while offline.
    await second.routeWebSocket(/\/graphql$/, () => undefined);
    await signInWithKeyboard(first, 'leder@tiltak.test');
    await signInWithKeyboard(second, 'admin@tiltak.test');
    for (const page of [first, second]) {
      await page.goto(`${product.tiltak.url}/actions/${actionId}`);
      await page.getByRole('heading', { name: 'Oppdater status' }).waitFor();
    }

    await first.getByLabel('Kommentar').fill('Første lagring');
    await first.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await first.getByRole('status').filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();

    // The second page's live connection is cut (see above), so it still holds the version it loaded.
    await second.getByLabel('Kommentar').fill('Andre lagring');
    await second.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await second.getByRole('alert').filter({ hasText: 'Noen andre lagret først' }).waitFor();
    await screenshot(second, 'action-conflict');

    await second.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
    await second.getByRole('status').filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();
    await second.getByText('Andre lagring').waitFor();
    await expect(second.getByText('Første lagring').count()).resolves.toBe(1);
  });
});
