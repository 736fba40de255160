import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { signIn } from './support/built-tiltak';
import { focused, tabUntil } from './support/keyboard';
import { graphqlAs, productInBrowser } from './support/product';
import { STEP_TIMEOUT_MS } from './support/browser';

const NEW_TAB = '(åpnes i ny fane)';

/**
 * The archive references where the council reads: an action's case, a municipality's decisions
 * with their history, and the round's filed reports. Each link says where it leads and is followed
 * with the keyboard alone; a coordinator files a report and the form says what is wrong first.
 */
describe('archive references in the dashboard', () => {
  const product = productInBrowser();
  let ids: { log1: string; roundId: string };

  /** A signed-in page whose context answers for eInnsyn, so following a link needs no network. */
  const signInAs = async (email: string): Promise<{ page: Page; context: BrowserContext }> => {
    const context = await product.browser.newContext();
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    await context.route('https://einnsyn.no/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>eInnsyn</title><h1>Saksmappe</h1>' }),
    );
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('navigation', { name: 'Hovedmeny' }).waitFor();
    return { page, context };
  };

  /** Tabs to the link named `name`, presses Enter, and answers the address of the tab it opened. */
  const followByKeyboard = async (page: Page, context: BrowserContext, name: string): Promise<string> => {
    await tabUntil(page, async () => (await focused(page)).text === name.replace(/\s+/g, ' '));
    const [opened] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await opened.waitForLoadState('domcontentloaded');
    const url = opened.url();
    await opened.close();
    return url;
  };

  beforeAll(async () => {
    const admin = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'admin@tiltak.test'));
    const { actions, reportingRounds } = await admin<{
      actions: { edges: { node: { id: string; code: string } }[] };
      reportingRounds: { id: string }[];
    }>('{ actions(first: 100) { edges { node { id code } } } reportingRounds { id } }');
    ids = {
      log1: actions.edges.find((edge) => edge.node.code === 'LOG-1')!.node.id,
      roundId: reportingRounds[0].id,
    };
  });

  it('the council reads an action’s case and opens it in eInnsyn with the keyboard', async () => {
    const { page, context } = await signInAs('rad@tiltak.test');
    await page.goto(`${product.tiltak.url}/actions/${ids.log1}`);
    const archive = page.getByRole('region', { name: 'Arkiv' });
    await archive.getByText('Saksnr. 2025/1432-3').waitFor();
    const link = archive.getByRole('link', { name: `Sak 2025/1432-3 i eInnsyn ${NEW_TAB}` });
    await expect(link.getAttribute('rel')).resolves.toContain('noopener');
    // The council reads; it is offered no form.
    await expect(archive.getByRole('button', { name: 'Lagre arkivreferanse' }).count()).resolves.toBe(0);

    await page.getByRole('heading', { level: 1 }).focus();
    const url = await followByKeyboard(page, context, `Sak 2025/1432-3 i eInnsyn ${NEW_TAB}`);
    expect(url).toMatch(/^https:\/\/einnsyn\.no\/saksmappe\?id=/);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it('the council follows a municipality’s decisions and opens their history with the keyboard', async () => {
    const { page, context } = await signInAs('rad@tiltak.test');
    await page.goto(`${product.tiltak.url}/municipalities/hurdal`);
    const decisions = page.getByRole('region', { name: 'Politiske vedtak' });
    await decisions.getByRole('link', { name: `Sak 2026/1209-4 i eInnsyn ${NEW_TAB}` }).waitFor();
    // A decision with no link still shows its case number.
    await decisions.getByText('Saksnr. 2026/1864').waitFor();

    await page.getByRole('heading', { level: 1 }).focus();
    const url = await followByKeyboard(page, context, `Sak 2026/1209-4 i eInnsyn ${NEW_TAB}`);
    expect(url).toMatch(/^https:\/\/einnsyn\.no\//);

    await tabUntil(page, async () => (await focused(page)).text.startsWith('Vedtakshistorikk (2 vedtak)'));
    await page.keyboard.press('Enter');
    const history = decisions.getByRole('table', { name: /vedtakene, nyeste først/ });
    await expect(history.getByRole('rowheader').allInnerTexts()).resolves.toEqual(['ikke vedtatt', 'foreslått']);
    await history.getByRole('link', { name: `Sak 2026/1209-4 i eInnsyn ${NEW_TAB}` }).waitFor();
    await history.getByText('Saksnr. 2026/1209', { exact: true }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it('the round shows filed reports; a coordinator files one, told first what is wrong with its form', async () => {
    const council = await signInAs('rad@tiltak.test');
    await council.page.goto(`${product.tiltak.url}/reporting/${ids.roundId}`);
    const filedRow = council.page.getByRole('row').filter({ hasText: 'BIO-3' }).first();
    await filedRow.getByText('Saksnr. 2026/2841-5').waitFor();
    await filedRow.getByRole('link', { name: `Sak 2026/2841-5 i eInnsyn ${NEW_TAB}` }).waitFor();
    await council.context.close();

    const { page, context } = await signInAs('koordinator.nes@tiltak.test');
    await page.goto(`${product.tiltak.url}/reporting/${ids.roundId}`);
    await page.getByRole('button', { name: /^Les\s*: BIO-3 / }).click();
    const form = page.getByRole('form', { name: /^Arkivreferanse for rapporten om BIO-3/ });
    const caseNumber = form.getByRole('textbox', { name: 'Saksnummer' });
    await caseNumber.fill('sak 12');
    await form.getByRole('button', { name: 'Lagre arkivreferanse' }).click();
    await form.getByText('Saksnummeret må ha formen år/nummer').waitFor();
    await expect(caseNumber.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(caseNumber.evaluate((field) => field === document.activeElement)).resolves.toBe(true);

    await caseNumber.fill('2026/2841-6');
    await form.getByRole('button', { name: 'Lagre arkivreferanse' }).click();
    await page.getByRole('status').filter({ hasText: 'Arkivreferansen er lagret.' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: 'BIO-3' })
      .first()
      .getByRole('link', { name: `Sak 2026/2841-6 i eInnsyn ${NEW_TAB}` })
      .waitFor();
    await context.close();
  });
});
