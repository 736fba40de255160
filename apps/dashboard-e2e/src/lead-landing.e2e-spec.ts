import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';
import { graphqlAs, productInBrowser } from './support/product';

interface Listed {
  id: string;
  code: string;
  status: string;
  health: string;
  lastUpdatedAt: string;
  viewerCan: { updateStatus: boolean };
}

const HEALTH_RANK: Record<string, number> = { OFF_TRACK: 0, AT_RISK: 1, ON_TRACK: 2 };
const FINISHED = ['COMPLETED', 'CANCELLED'];

/**
 * A project lead's day: landing on their own actions, worst first, one step from the status form at
 * any width; a form that keeps to what is saved; a milestone toggle a second key press cannot undo.
 */
describe('the project lead’s page and the action’s forms', () => {
  const product = productInBrowser();
  let admin: ReturnType<typeof graphqlAs>;
  let lead: ReturnType<typeof graphqlAs>;
  let leadPartyName: string;
  /** An action the lead's party leads, with two milestones of equal weight. */
  let withMilestones: { id: string; milestones: { id: string; title: string; version: number }[] };
  /** An action the lead's party leads, without milestones: its lead sets the progress. */
  let manual: { id: string };

  const signInAs = async (email: string, width: number, landing: RegExp): Promise<Page> => {
    const context = await product.browser.newContext({ viewport: { width, height: width < 500 ? 740 : 900 } });
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: landing }).waitFor();
    return page;
  };
  const openAction = async (page: Page, id: string) => {
    await page.goto(`${product.tiltak.url}/actions/${id}`);
    await page.getByRole('heading', { name: 'Historikk' }).waitFor();
  };
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      const label = element?.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null;
      return {
        tag: element?.tagName.toLowerCase(),
        role: element?.getAttribute('role'),
        label: label?.textContent?.trim() ?? null,
        text: element?.textContent?.trim() ?? '',
      };
    });
  const inViewport = (page: Page, selector: string) =>
    page.evaluate((css) => {
      const box = document.querySelector(css)!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, selector);
  const completeByApi = (milestone: { id: string; version: number }) =>
    admin('mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { id } }', {
      input: { milestoneId: milestone.id, expectedVersion: milestone.version },
    });
  const statusByApi = async (id: string, input: Record<string, unknown>) => {
    const { action } = await admin<{ action: { version: number } }>('query($id: ID!) { action(id: $id) { version } }', {
      id,
    });
    await admin('mutation($input: UpdateActionStatusInput!) { updateActionStatus(input: $input) { id } }', {
      input: { actionId: id, expectedVersion: action.version, ...input },
    });
  };

  beforeAll(async () => {
    admin = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'admin@tiltak.test'));
    lead = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'leder@tiltak.test'));
    const { me } = await lead<{ me: { partyId: string } }>('{ me { partyId } }');
    const { focusAreas, municipalities, parties } = await admin<{
      focusAreas: { id: string; code: string }[];
      municipalities: { id: string; name: string }[];
      parties: { id: string; name: string }[];
    }>('{ focusAreas { id code } municipalities { id name } parties { id name } }');
    leadPartyName = parties.find((p) => p.id === me.partyId)!.name;
    const create = async (number: number, title: string) => {
      const { createAction } = await admin<{ createAction: { id: string } }>(
        'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
        {
          input: {
            code: `${focusAreas[0].code}-${number}`,
            title,
            focusAreaId: focusAreas[0].id,
            municipalityIds: [municipalities[0].id],
            startDate: '2026-01-01',
            dueDate: '2027-12-31',
          },
        },
      );
      await admin('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { id } }', {
        input: { actionId: createAction.id, partyId: me.partyId, role: 'LEAD', level: 'OPERATIONAL' },
      });
      return createAction.id;
    };
    const id = await create(901, 'Felles mottak for nye bedrifter');
    for (const title of ['Avtale signert', 'Mottaket åpnet']) {
      await admin('mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }', {
        input: { actionId: id, title, dueDate: '2027-06-30', weight: 1 },
      });
    }
    const { action } = await admin<{ action: typeof withMilestones }>(
      'query($id: ID!) { action(id: $id) { id milestones { id title version } } }',
      { id },
    );
    withMilestones = action;
    manual = { id: await create(902, 'Kartlegging av ledige næringsarealer') };
  });

  it.each([1440, 375])(
    'lands a project lead on their actions, worst and stalest first, one step from the status form at %i px',
    async (width) => {
      const page = await signInAs('leder@tiltak.test', width, /Mine tiltak/);
      expect(new URL(page.url()).pathname).toBe('/my-actions');
      const cards = page.locator('.my-action');
      await cards.first().waitFor();

      // Exactly the actions whose own viewerCan lets the lead update them, in the promised order.
      const { actions } = await lead<{ actions: { edges: { node: Listed }[] } }>(
        '{ actions(first: 100) { edges { node { id code status health lastUpdatedAt viewerCan { updateStatus } } } } }',
      );
      const mine = new Map(actions.edges.map((e) => e.node).map((a) => [a.code, a]));
      const shown = (await cards.locator('.action__code').allInnerTexts()).map((code) => mine.get(code.trim())!);
      expect(shown.map((a) => a.code).sort()).toEqual(
        [...mine.values()]
          .filter((a) => a.viewerCan.updateStatus)
          .map((a) => a.code)
          .sort(),
      );
      expect(shown.length).toBeGreaterThan(1);
      // Finished work last, then off track, at risk, on track, and among equals the longest without an update.
      const rank = (a: Listed) => [
        Number(FINISHED.includes(a.status)),
        HEALTH_RANK[a.health],
        Date.parse(a.lastUpdatedAt),
      ];
      const byRank = (a: number[], b: number[]) =>
        a.map((value, k) => Math.sign(value - b[k]) || 0).find((d) => d !== 0) ?? 0;
      const ranks = shown.map(rank);
      expect(ranks).toEqual([...ranks].sort(byRank));
      expect(new Set(shown.map((a) => a.health)).size).toBeGreaterThan(1);
      await expect(
        cards
          .first()
          .getByText(/Framdrift .*, forventet .* nå/)
          .isVisible(),
      ).resolves.toBe(true);
      await expect(
        cards
          .first()
          .getByText(/Sist oppdatert/)
          .isVisible(),
      ).resolves.toBe(true);
      await screenshot(page, `my-actions-${width}`);
      await expect(seriousViolations(page)).resolves.toEqual([]);

      // By keyboard: the first card's update link opens the action in its form, in view.
      const first = shown[0];
      await cards
        .first()
        .getByRole('link', { name: /Oppdater status/ })
        .focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/actions/${first.id}#status-update`);
      await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'select', label: 'Status' });
      await expect(inViewport(page, '#status-update select')).resolves.toBe(true);

      // From the top of an action's page, the same link is the first thing after its figures.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('main').getByRole('link', { name: 'Oppdater status', exact: true }).click();
      await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
      await expect(focused(page)).resolves.toMatchObject({ tag: 'select', label: 'Status' });
      await expect(inViewport(page, '#status-update select')).resolves.toBe(true);
      await page.context().close();
    },
  );

  it('finds actions by the parties in them, by text and by the party filter', async () => {
    const page = await signInAs('rad@tiltak.test', 1440, /Handlingsprogram/);
    const { actions } = await admin<{
      actions: {
        edges: {
          node: { code: string; title: string; description: string; involvements: { party: { name: string } }[] };
        }[];
      };
    }>('{ actions(first: 100) { edges { node { code title description involvements { party { name } } } } } }');
    const all = actions.edges.map((e) => e.node);
    const rowCodes = async () => (await page.locator('table tbody tr td:first-child').allInnerTexts()).sort();
    const count = (n: number) => new RegExp(`^${n} tiltak$`);

    await page.goto(`${product.tiltak.url}/actions`);
    const word = /næringsråd/i;
    const withWord = all.filter(
      (a) =>
        [a.code, a.title, a.description].some((text) => word.test(text)) ||
        a.involvements.some((i) => word.test(i.party.name)),
    );
    // Found through the parties: no action says the word itself.
    expect(withWord.filter((a) => !word.test(a.title) && !word.test(a.description)).length).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Søk' }).fill('næringsråd');
    await page
      .getByRole('status')
      .filter({ hasText: count(withWord.length) })
      .waitFor();
    await expect(rowCodes()).resolves.toEqual(withWord.map((a) => a.code).sort());

    await page.goto(`${product.tiltak.url}/actions`);
    const withLead = all.filter((a) => a.involvements.some((i) => i.party.name === leadPartyName));
    await page.getByRole('search').getByLabel('Aktør').selectOption({ label: leadPartyName });
    await page.waitForURL(/party=/);
    await page
      .getByRole('status')
      .filter({ hasText: count(withLead.length) })
      .waitFor();
    await expect(rowCodes()).resolves.toEqual(withLead.map((a) => a.code).sort());
    await page.context().close();
  });

  it('says a milestone is done and moves focus to that, so a second Enter does not reopen it', async () => {
    const page = await signInAs('leder@tiltak.test', 1440, /Mine tiltak/);
    const reopens: string[] = [];
    page.on('request', (request) => {
      if (request.postData()?.includes('ReopenMilestone')) reopens.push(request.url());
    });
    await openAction(page, withMilestones.id);
    const [milestone] = withMilestones.milestones;

    await page.getByRole('button', { name: new RegExp(`^Marker som fullført\\W+${milestone.title}$`) }).focus();
    await page.keyboard.press('Enter');
    const said = page
      .getByRole('status')
      .filter({ hasText: `Milepælen «${milestone.title}» er markert som fullført.` });
    await said.waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
    await page.keyboard.press('Enter');
    // Let the browser run whatever the key press set off before looking.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done))));

    expect(reopens).toEqual([]);
    await page.getByRole('button', { name: new RegExp(`^Gjenåpne\\W+${milestone.title}$`) }).waitFor();
    const { action } = await lead<{ action: { milestones: { id: string; completedOn: string | null }[] } }>(
      'query($id: ID!) { action(id: $id) { milestones { id completedOn } } }',
      { id: withMilestones.id },
    );
    expect(action.milestones.find((m) => m.id === milestone.id)!.completedOn).not.toBeNull();
    await page.context().close();
  });

  it('keeps the form’s fields on what is saved now, unless the user is editing them', async () => {
    const page = await signInAs('leder@tiltak.test', 1440, /Mine tiltak/);
    await openAction(page, withMilestones.id);
    const progress = page.getByLabel('Framdrift', { exact: true });
    await expect(progress.inputValue()).resolves.toBe('50');

    // Someone completes the other milestone: the header and the (milestone-driven) field agree.
    const { action } = await admin<{ action: { milestones: { id: string; version: number }[] } }>(
      'query($id: ID!) { action(id: $id) { milestones { id version } } }',
      { id: withMilestones.id },
    );
    await completeByApi(action.milestones.find((m) => m.id === withMilestones.milestones[1].id)!);
    await page.waitForFunction(
      () => (document.querySelector('#status-update input') as HTMLInputElement).value === '100',
    );
    await expect(page.locator('.action__figures').innerText()).resolves.toContain('100');

    // On an action without milestones: an untouched field follows, a touched one stays the user's…
    await openAction(page, manual.id);
    await statusByApi(manual.id, { progress: 30 });
    await page.waitForFunction(
      () => (document.querySelector('#status-update input') as HTMLInputElement).value === '30',
    );
    await progress.fill('70');
    await statusByApi(manual.id, { progress: 40 });
    await page.locator('.action__figures').filter({ hasText: '40' }).waitFor();
    await expect(progress.inputValue()).resolves.toBe('70');
    // …and saving it over the newer figure meets the version check.
    await page.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Noen andre lagret først' }).waitFor();
    await page.context().close();
  });

  it('clears “saved” when the user edits again or something else changes the action', async () => {
    const page = await signInAs('leder@tiltak.test', 1440, /Mine tiltak/);
    await openAction(page, withMilestones.id);
    const saved = page.locator('#status-update [role="status"]');

    await page.getByLabel('Kommentar').fill('Første runde');
    await page.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await saved.filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();
    await page.getByLabel('Kommentar').fill('Andre runde');
    await expect(saved.innerText()).resolves.toBe('');

    await page.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await saved.filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();
    await page
      .getByRole('button', { name: /^Gjenåpne\W/ })
      .first()
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /er gjenåpnet/ })
      .waitFor();
    await expect(saved.innerText()).resolves.toBe('');
    await page.context().close();
  });

  it('puts the party menu back on “Velg aktør” after a party is added', async () => {
    const page = await signInAs('admin@tiltak.test', 1440, /Handlingsprogram/);
    await openAction(page, manual.id);
    const form = page.getByRole('form', { name: 'Legg til en aktør' });
    const menu = form.getByLabel('Aktør');
    const partner = (await menu.locator('option:not([disabled])').first().innerText()).replace(/ \(.*\)$/, '');

    await menu.selectOption({ index: 1 });
    await form.getByRole('button', { name: 'Legg til' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${partner} er lagt til i tiltaket.` })
      .waitFor();

    await expect(menu.inputValue()).resolves.toBe('');
    await expect(menu.evaluate((select: HTMLSelectElement) => select.selectedOptions[0].text)).resolves.toBe(
      'Velg aktør',
    );
    await page.context().close();
  });
});
