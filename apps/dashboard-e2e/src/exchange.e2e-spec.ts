import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';
import { focused, tabUntil } from './support/keyboard';
import { graphqlAs, productInBrowser } from './support/product';

interface ActionNode {
  id: string;
  code: string;
  title: string;
  version: number;
}

const FILE_LABEL = 'Regneark (.xlsx eller .csv)';

/** Changes the title of one action, found by its code, in the workbook's "Tiltak" sheet. */
async function retitle(path: string, edited: string, code: string, title: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Tiltak');
  if (!sheet) throw new Error('the workbook has no sheet «Tiltak»');
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''));
  const codeColumn = headers.indexOf('Kode');
  const titleColumn = headers.indexOf('Tittel');
  let found = false;
  sheet.eachRow((row, number) => {
    if (number > 1 && row.getCell(codeColumn).value === code) {
      row.getCell(titleColumn).value = title;
      found = true;
    }
  });
  if (!found) throw new Error(`no row for ${code} in «Tiltak»`);
  await workbook.xlsx.writeFile(edited);
}

/**
 * The secretariat downloads the programme as Excel, changes one action's title in the file, reads
 * it back in: the dry run shows exactly that change and writes nothing, applying it writes it, and
 * a council member's overview in another browser shows the change as it happens. All by keyboard,
 * with the controls labelled and each result announced.
 */
describe('Import og eksport', () => {
  const product = productInBrowser();
  let action: ActionNode;
  let ask: <T>(query: string) => Promise<T>;

  const signInAs = async (email: string): Promise<Page> => {
    const context = await product.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('button', { name: 'Logg ut' }).waitFor();
    return page;
  };

  const actionNow = async (): Promise<ActionNode> =>
    (await ask<{ action: ActionNode }>(`{ action(id: "${action.id}") { id code title version } }`)).action;

  beforeAll(async () => {
    ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'sekretariat@tiltak.test'));
    const { actions } = await ask<{ actions: { edges: { node: ActionNode }[] } }>(
      '{ actions(first: 10) { edges { node { id code title version } } } }',
    );
    action = actions.edges[3].node;
  });

  it('downloads the workbook, checks an edited copy, applies it, and the overview elsewhere shows it live', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'tiltak-exchange-'));
    const newTitle = `${action.title} (revidert i regneark)`;
    try {
      // A council member watches the overview's latest changes in another browser.
      const council = await signInAs('rad@tiltak.test');
      const latest = council.getByRole('region', { name: 'Siste endringer' });
      await latest.waitFor();
      await expect(
        council.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Import og eksport' }).count(),
      ).resolves.toBe(1);

      const secretariat = await signInAs('sekretariat@tiltak.test');
      await secretariat
        .getByRole('navigation', { name: 'Hovedmeny' })
        .getByRole('link', { name: 'Import og eksport' })
        .click();
      await secretariat.getByRole('heading', { level: 1, name: 'Import og eksport' }).waitFor();
      await expect(secretariat.title()).resolves.toBe('Import og eksport – Tiltak');

      // The workbook, fetched with the session's token and saved under the server's name.
      const answered = secretariat.waitForResponse((response) => response.url().includes('/exchange/programme.xlsx'));
      const saved = secretariat.waitForEvent('download');
      await secretariat.getByRole('button', { name: 'Last ned hele programmet som Excel (.xlsx)' }).click();
      const response = await answered;
      expect(response.request().headers()['authorization']).toMatch(/^Bearer \S+$/);
      expect(response.status()).toBe(200);
      const download = await saved;
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const original = join(folder, download.suggestedFilename());
      await download.saveAs(original);
      await secretariat.getByRole('status').filter({ hasText: 'Fila er lastet ned som' }).waitFor();

      const edited = join(folder, 'tiltak-redigert.xlsx');
      await retitle(original, edited, action.code, newTitle);

      // The controls read right to a screen reader: the file input and the button by their labels.
      const fileInput = secretariat.getByLabel(FILE_LABEL);
      await fileInput.setInputFiles(edited);
      await expect(fileInput.getAttribute('type')).resolves.toBe('file');
      await expect(
        secretariat.locator('input[type=file]').evaluate((input) => input.getAttribute('aria-describedby')),
      ).resolves.toBeTruthy();

      // By keyboard: from the file input to "Kontroller fila", and Enter.
      await fileInput.focus();
      await tabUntil(secretariat, async (page) => (await focused(page)).text === 'Kontroller fila');
      // The dry run's answer, read on its way to the page: apply must send back its fingerprint.
      let fingerprint = '';
      await secretariat.route('**/exchange/import?mode=dry-run*', async (route) => {
        const answer = await route.fetch();
        fingerprint = ((await answer.json()) as { fingerprint: string }).fingerprint;
        await route.fulfill({ response: answer });
      });
      await secretariat.keyboard.press('Enter');

      // The result is announced in a live region, which takes focus so it is read at once.
      const announced = secretariat
        .getByRole('status')
        .filter({ hasText: /^Kontrollen er ferdig: 0 nye rader, 1 endret rad, \d+ uendrede rader og 0 problemer\./ });
      await announced.waitFor();
      await expect(announced.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
      const changes = secretariat.getByRole('table', { name: '1 endring' });
      const row = changes.getByRole('row').filter({ has: secretariat.getByRole('rowheader', { name: action.code }) });
      await row.getByText(`Tittel: ${action.title} → ${newTitle}`).waitFor();
      await expect(secretariat.getByRole('table', { name: /problem/ }).count()).resolves.toBe(0);
      await expect(
        secretariat.getByRole('table', { name: 'Ark i fila' }).getByRole('row').count(),
      ).resolves.toBeGreaterThan(2);
      // The dry run wrote nothing.
      await expect(actionNow()).resolves.toEqual(action);
      await expect(seriousViolations(secretariat)).resolves.toEqual([]);
      await screenshot(secretariat, 'exchange-dry-run-1280');

      // Apply, by keyboard, with the dry run's fingerprint.
      const apply = secretariat.getByRole('button', { name: 'Ta i bruk endringene' });
      await expect(apply.isEnabled()).resolves.toBe(true);
      await tabUntil(secretariat, async (page) => (await focused(page)).text === 'Ta i bruk endringene');
      const applied = secretariat.waitForResponse((answer) => answer.url().includes('/exchange/import?mode=apply'));
      await secretariat.keyboard.press('Enter');
      const applyRequest = (await applied).request();
      expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(new URL(applyRequest.url()).searchParams.get('expect')).toBe(fingerprint);
      expect(applyRequest.headers()['authorization']).toMatch(/^Bearer \S+$/);
      await secretariat.getByRole('status').filter({ hasText: '1 endring er tatt i bruk.' }).waitFor();
      await expect(secretariat.getByRole('button', { name: 'Ta i bruk endringene' }).count()).resolves.toBe(0);

      // Written once, as an ordinary write: the new title and the next version.
      await expect(actionNow()).resolves.toEqual({ ...action, title: newTitle, version: action.version + 1 });

      // The council member's overview shows the change without a reload.
      await latest.getByRole('link', { name: `${action.code} ${newTitle}` }).waitFor();
      await expect(seriousViolations(secretariat)).resolves.toEqual([]);
      await council.context().close();
      await secretariat.context().close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 180_000);

  it('shows a project lead no import, and a file’s problems without offering to apply it', async () => {
    const lead = await signInAs('leder@tiltak.test');
    await lead.goto(`${product.tiltak.url}/import-export`);
    await lead.getByRole('heading', { level: 1, name: 'Import og eksport' }).waitFor();
    await lead.getByRole('button', { name: 'Last ned CSV' }).waitFor();
    await expect(lead.getByLabel(FILE_LABEL).count()).resolves.toBe(0);
    await lead.context().close();

    const secretariat = await signInAs('sekretariat@tiltak.test');
    await secretariat.goto(`${product.tiltak.url}/import-export`);
    await secretariat.getByLabel(FILE_LABEL).setInputFiles({
      name: 'notater.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Hva,Hvem\r\nMøte,Kari\r\n'),
    });
    await secretariat.getByRole('button', { name: 'Kontroller fila' }).click();
    await secretariat
      .getByRole('status')
      .filter({ hasText: /^Kontrollen er ferdig: .* og [1-9]\d* problem(er)?\./ })
      .waitFor();
    await secretariat.getByRole('table', { name: /^\d+ problem(er)?$/ }).waitFor();
    await expect(secretariat.getByRole('button', { name: 'Ta i bruk endringene' }).isDisabled()).resolves.toBe(true);
    await expect(seriousViolations(secretariat)).resolves.toEqual([]);
    await secretariat.context().close();
  }, 120_000);
});
