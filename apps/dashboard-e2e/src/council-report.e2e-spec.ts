import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';
import { focused, tabUntil } from './support/keyboard';
import { graphqlAs, productInBrowser } from './support/product';

const TITLE = 'Regionrådsmøte juni';

interface ActionNode {
  id: string;
  code: string;
  title: string;
  status: string;
}

/**
 * The secretariat freezes the programme before a council meeting; a coordinator then puts an action
 * on hold. The overview's "since the last council report" shows the change as it happens, the
 * comparison on "Rapport til regionrådet" lists it, and the report comes as a PDF, fetched with the session's token.
 */
describe('Rapport til regionrådet', () => {
  const product = productInBrowser();
  let action: ActionNode;

  const signInAs = async (email: string, width = 1280): Promise<Page> => {
    const context = await product.browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' }).waitFor();
    return page;
  };

  beforeAll(async () => {
    // An action of Nes alone and under way, which Nes's coordinator may put on hold.
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'koordinator.nes@tiltak.test'));
    const { actions } = await ask<{
      actions: { edges: { node: ActionNode & { municipalities: { municipality: { name: string } }[] } }[] };
    }>('{ actions(first: 100) { edges { node { id code title status municipalities { municipality { name } } } } } }');
    action = actions.edges
      .map((edge) => edge.node)
      .find(
        (node) => node.status === 'IN_PROGRESS' && node.municipalities.every((m) => m.municipality.name === 'Nes'),
      )!;
    expect(action).toBeDefined();
  });

  it('takes a snapshot by keyboard, shows a later change live since it, and downloads its report as a PDF that reads back', async () => {
    const secretariat = await signInAs('sekretariat@tiltak.test');
    await secretariat
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Rapport til regionrådet' })
      .click();
    await secretariat.getByRole('heading', { level: 1, name: 'Rapport til regionrådet' }).waitFor();
    await expect(secretariat.title()).resolves.toBe('Rapport til regionrådet – Tiltak');

    // The form reads right to a screen reader: its name, the field's label, the button.
    const form = secretariat.getByRole('form', { name: 'Ta et øyeblikksbilde' });
    await expect(form.ariaSnapshot()).resolves.toMatch(
      /textbox "Tittel på øyeblikksbildet"[^\n]*: Regionrådsmøte .+\n[\s\S]*button "Ta øyeblikksbildet"/,
    );

    // By keyboard only: tab to the title, write it, send with Enter.
    await tabUntil(secretariat, async (page) => (await focused(page)).tag === 'input');
    await secretariat.keyboard.press('ControlOrMeta+a');
    await secretariat.keyboard.type(TITLE);
    await secretariat.keyboard.press('Enter');
    await secretariat
      .getByRole('status')
      .filter({ hasText: `Øyeblikksbildet «${TITLE}» er tatt.` })
      .waitFor();
    const snapshots = secretariat.getByRole('table', { name: 'Øyeblikksbilder i perioden, nyeste først' });
    await snapshots.getByRole('row').nth(1).getByRole('rowheader', { name: TITLE }).waitFor();
    await snapshots.getByRole('row').nth(1).getByText('Tatt manuelt av').waitFor();
    await expect(seriousViolations(secretariat)).resolves.toEqual([]);

    // The overview compares with the snapshot just taken.
    await secretariat.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oversikt' }).click();
    const since = secretariat.getByRole('region', { name: 'Siden forrige rapport til regionrådet' });
    await since.getByText(`Sammenlignet med øyeblikksbildet «${TITLE}»`, { exact: false }).waitFor();

    // A coordinator puts the action on hold, in another browser.
    const coordinator = await signInAs('koordinator.nes@tiltak.test');
    await coordinator.goto(`${product.tiltak.url}/actions/${action.id}`);
    const update = coordinator.getByRole('region', { name: 'Oppdater status' });
    await update.getByLabel('Status', { exact: true }).selectOption('ON_HOLD');
    await update.getByLabel('Kommentar').fill('Venter på svar om finansiering.');
    await update.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();
    await coordinator.context().close();

    // The secretariat's overview shows it without a reload.
    await since
      .getByRole('listitem')
      .filter({ hasText: /^\d+ tiltak har endret status$/ })
      .waitFor();
    await expect(seriousViolations(secretariat)).resolves.toEqual([]);

    // The full comparison lists the action, with its old and new status.
    await since.getByRole('link', { name: 'Se alt som er endret siden forrige rapport' }).click();
    await secretariat.getByRole('heading', { level: 1, name: 'Rapport til regionrådet' }).waitFor();
    const changed = secretariat.getByRole('region', { name: 'Hva er endret' });
    await expect(changed.getByLabel('Fra').inputValue()).resolves.not.toBe('');
    await expect(changed.getByLabel('Til').locator('option:checked').innerText()).resolves.toBe('Nå');
    const entry = changed
      .getByRole('region', { name: /tiltak har endret status$/ })
      .getByRole('listitem')
      .filter({ hasText: action.code });
    await entry.filter({ hasText: 'fra Pågår til På vent' }).waitFor();
    await expect(
      entry.getByRole('link', { name: `${action.code} ${action.title}` }).getAttribute('href'),
    ).resolves.toBe(`/actions/${action.id}`);
    await screenshot(secretariat, 'council-report-1280');

    // The report for the snapshot: fetched with the session's token, saved under the server's name.
    const download = secretariat.getByRole('form', { name: 'Last ned rapporten' });
    const choice = download.getByLabel('Øyeblikksbilde');
    await choice.selectOption((await choice.locator('option', { hasText: TITLE }).getAttribute('value')) ?? '');
    await download.getByRole('radio', { name: 'PDF' }).check();
    await download.getByRole('radio', { name: 'Bokmål' }).check();
    const answered = secretariat.waitForResponse((response) => response.url().includes('/documents/council-report/'));
    const saved = secretariat.waitForEvent('download');
    await download.getByRole('button', { name: 'Last ned rapporten' }).click();
    const response = await answered;
    const request = response.request();
    const url = new URL(request.url());
    expect(url.pathname).toMatch(/^\/documents\/council-report\/[\w-]+$/);
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'pdf', lang: 'nb' });
    expect(request.headers()['authorization']).toMatch(/^Bearer \S+$/);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    const file = await saved;
    expect(file.suggestedFilename()).toMatch(/^rapport-til-regionradet-\d{4}-\d{2}-\d{2}\.pdf$/);
    const folder = mkdtempSync(join(tmpdir(), 'tiltak-report-'));
    try {
      const path = join(folder, file.suggestedFilename());
      await file.saveAs(path);
      // The file itself, read back as a screen reader's text: the snapshot's title and the action.
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
      expect(text).toContain(TITLE);
      expect(text).toContain(action.title);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await secretariat.getByRole('status').filter({ hasText: 'Rapporten er lastet ned som' }).waitFor();
    await secretariat.context().close();
  }, 150_000);

  it('reads right in English and at 375 px, with no serious axe violation on the page or the overview panel', async () => {
    const council = await signInAs('rad@tiltak.test', 375);
    await council.getByLabel('Språk', { exact: true }).selectOption('en');
    const since = council.getByRole('region', { name: 'Since the last report to the regional council' });
    await since.waitFor();
    await expect(seriousViolations(council)).resolves.toEqual([]);

    await council.goto(`${product.tiltak.url}/council-report`);
    await council.getByRole('heading', { level: 1, name: 'Report to the regional council' }).waitFor();
    await council.getByRole('table', { name: 'Snapshots of the period, newest first' }).waitFor();
    await council.getByRole('region', { name: 'What changed' }).getByRole('status').first().waitFor();
    // The council reads and downloads; taking a snapshot is the secretariat's.
    await expect(council.getByRole('form', { name: 'Take a snapshot' }).count()).resolves.toBe(0);
    await council.getByRole('form', { name: 'Download the report' }).waitFor();
    await expect(seriousViolations(council)).resolves.toEqual([]);
    // Nothing is cut off at 375 px: the page never scrolls sideways (the tables scroll in their own region).
    await expect(
      council.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).resolves.toBe(true);

    await council.getByLabel('Language', { exact: true }).selectOption('nb');
    await council.getByRole('heading', { level: 1, name: 'Rapport til regionrådet' }).waitFor();
    await expect(seriousViolations(council)).resolves.toEqual([]);
    await council.context().close();
  }, 120_000);
});
