import type { WebSocketRoute } from 'playwright-core';
import { graphqlAs, productInBrowser } from './support/product';
import type { Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';

async function signInAs(page: Page, email: string, password = 'tiltak-demo'): Promise<void> {
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill(password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
}

interface LeadAction {
  id: string;
  version: number;
  progress: number;
  status: string;
  milestones: { id: string; version: number; completedOn: string | null }[];
  focusArea: { name: string };
  municipalities: { municipality: { name: string }; ownProgress: number | null; ownStatus: string | null }[];
  lead: { party: { id: string } } | null;
}

/** The text of one matrix cell, found by its link's accessible name. */
function matrixCell(page: Page, municipality: string, focusArea: string) {
  return page.getByRole('link', { name: new RegExp(`^${municipality.replace(/[()]/g, '\\$&')}, ${focusArea}:`) });
}

describe('the dashboard, served by the built API', () => {
  const product = productInBrowser();

  it('asks for sign-in, then shows the programme, its municipalities and focus areas from the database', async () => {
    // A name the test writes into the database itself, so the page can only show it by asking the API.
    await product.db.dataSource.query(`UPDATE municipality SET name = 'Nes kommune (testdata)' WHERE slug = 'nes'`);
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();

    await page.goto(product.tiltak.url);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await screenshot(page, 'sign-in-nb');
    await signInAs(page, 'rad@tiltak.test');

    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    const matrix = page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' });
    const rowHeaders = await matrix.getByRole('rowheader').allInnerTexts();
    expect(rowHeaders.map((text) => text.split('\n')[0].trim())).toEqual([
      'Eidsvoll',
      'Gjerdrum',
      'Hurdal',
      'Nannestad',
      'Nes kommune (testdata)',
      'Ullensaker',
    ]);
    await expect(matrix.getByRole('columnheader').count()).resolves.toBe(7);
    await expect(page.getByText('Innlogget som Regionrådet (lesetilgang)').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nb-NO');
    await screenshot(page, 'overview-nb');

    // The session survives a reload through the refresh cookie, and ends on sign-out.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await context.close();
  });

  it('shows a project lead’s update on the council’s open overview within 2 seconds, without a reload', async () => {
    const lead = await signIn(product.tiltak.url, 'leder@tiltak.test');
    const ask = graphqlAs(product.tiltak.url, lead);
    const { me } = (await ask('{ me { partyId } }')) as { me: { partyId: string } };
    const { actions } = (await ask(
      `query($p: ID!) { actions(first: 100, filter: { partyIds: [$p] }) { edges { node {
         id version progress status milestones { id version completedOn } focusArea { name }
         municipalities { municipality { name } ownProgress ownStatus } lead { party { id } } } } } }`,
      { p: me.partyId },
    )) as { actions: { edges: { node: LeadAction }[] } };
    const target = actions.edges
      .map((e) => e.node)
      .find(
        (a) =>
          a.lead?.party.id === me.partyId &&
          a.status === 'IN_PROGRESS' &&
          a.milestones.some((m) => !m.completedOn) &&
          a.municipalities.some((m) => m.ownProgress === null && m.ownStatus === null),
      )!;
    const milestone = target.milestones.find((m) => !m.completedOn)!;
    const place = target.municipalities.find((m) => m.ownProgress === null && m.ownStatus === null)!;

    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await signInAs(page, 'rad@tiltak.test');
    const cell = matrixCell(page, place.municipality.name, target.focusArea.name);
    const before = await cell.innerText();

    const started = Date.now();
    // The lead completes a milestone: the action's progress, and so the cell, moves.
    await ask('mutation($input: MilestoneVersionInput!) { completeMilestone(input: $input) { progress } }', {
      input: { milestoneId: milestone.id, expectedVersion: milestone.version },
    });
    await page.waitForFunction(
      ({ name, text }) =>
        [...document.querySelectorAll('a')].some(
          (a) => a.textContent?.startsWith(name) && (a as HTMLElement).innerText !== text,
        ),
      { name: `${place.municipality.name}, ${target.focusArea.name}:`, text: before },
      { timeout: 2_000 },
    );

    expect(Date.now() - started).toBeLessThan(2_000);
    await screenshot(page, 'overview-live-update');
    await context.close();
  });

  it('says when the live connection drops, and what it caught up on when it is back', async () => {
    const context = await product.browser.newContext();
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    // The live line goes through the test, which can cut it and refuse it while "the network is down".
    let down = false;
    let learntPosition = () => undefined as void;
    const positionLearnt = new Promise<void>((resolve) => (learntPosition = resolve));
    const open = new Set<WebSocketRoute>();
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (down) return void socket.close({ code: 1001 });
      const server = socket.connectToServer();
      // Passed on as they come; the test notes when the page has learnt its position in the change log.
      server.onMessage((message) => {
        if (typeof message === 'string' && message.includes('"caughtUp":true')) learntPosition();
        socket.send(message);
      });
      open.add(socket);
    });
    await page.goto(product.tiltak.url);
    await signInAs(page, 'rad@tiltak.test');
    await page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' }).waitFor();
    const notice = page.locator('.live-notice[role="status"]');
    await expect(notice.isVisible()).resolves.toBe(false);
    // Cut only once the page knows where it is: before that, coming back means fetching everything again.
    await positionLearnt;

    down = true;
    for (const socket of open) await socket.close({ code: 1001 });
    await notice.filter({ hasText: 'Direkteoppdateringene er frakoblet.' }).waitFor();
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'admin@tiltak.test'));
    for (const name of ['Nettverk A', 'Nettverk B'])
      await ask(`mutation { createParty(input: { name: "${name}", kind: NETWORK }) { id } }`);

    down = false;
    await notice.filter({ hasText: 'Tiltak har hentet inn 2 endringer du gikk glipp av' }).waitFor({ timeout: 20_000 });
    // The latest changes are read again from the history once the missed changes are in.
    await page.getByText('En aktør ble endret').nth(1).waitFor();
    await expect(page.getByText('En aktør ble endret').count()).resolves.toBe(2);
    await context.close();
  });

  it('says so when the password is wrong', async () => {
    const context = await product.browser.newContext();
    const page = await context.newPage();
    await page.goto(product.tiltak.url);

    await signInAs(page, 'rad@tiltak.test', 'feil-passord');

    await expect(page.getByRole('alert').innerText()).resolves.toBe('Feil e-postadresse eller passord.');
    await context.close();
  });

  it('names the field that is missing when the form is sent with an empty field, and reads it with the field', async () => {
    const context = await product.browser.newContext();
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    const email = page.getByLabel('E-postadresse');
    const password = page.getByLabel('Passord');
    /** What a screen reader says after the field's name: the texts the field is described by. */
    const description = (field: typeof email) =>
      field.evaluate((input) =>
        (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      );
    const focused = (field: typeof email) => field.evaluate((input) => input === document.activeElement);

    await email.press('Enter');
    await page.getByText('Skriv inn e-postadressen din.').waitFor();
    await expect(focused(email)).resolves.toBe(true);
    await expect(email.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(description(email)).resolves.toBe('Skriv inn e-postadressen din.');
    await expect(description(password)).resolves.toBe('Skriv inn passordet ditt.');
    await expect(page.getByText('Feil e-postadresse eller passord.').count()).resolves.toBe(0);
    await screenshot(page, 'sign-in-missing-nb');

    await email.fill('rad@tiltak.test');
    await email.press('Enter');
    await page.getByText('Skriv inn e-postadressen din.').waitFor({ state: 'detached' });
    await expect(focused(password)).resolves.toBe(true);
    await expect(email.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(description(password)).resolves.toBe('Skriv inn passordet ditt.');
    await context.close();
  });

  it('switches to English and remembers the choice', async () => {
    const context = await product.browser.newContext();
    const page = await context.newPage();
    await page.goto(product.tiltak.url);

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB');
    await context.close();
  });

  it('speaks nynorsk when it is chosen, from the sign-in to the overview', async () => {
    const context = await product.browser.newContext();
    const page = await context.newPage();
    await page.goto(product.tiltak.url);

    await page.getByLabel('Språk', { exact: true }).selectOption('nn');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nn-NO');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByText('Skriv inn e-postadressa di.').waitFor();
    await signInAs(page, 'rad@tiltak.test');

    await page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' }).waitFor();
    await expect(
      page.getByRole('navigation', { name: 'Hovudmeny' }).getByRole('link').allInnerTexts(),
    ).resolves.toContain('Kven gjer kva');
    await expect(page.title()).resolves.toBe('Oversikt – Tiltak');
    // Numbers and dates are written the Norwegian way, even where the browser has no nynorsk formats.
    await expect(page.getByRole('main').innerText()).resolves.toMatch(/\d,\d\s%/);
    await expect(page.getByRole('main').innerText()).resolves.not.toMatch(
      /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/,
    );
    await context.close();
  });

  it('serves the dashboard for a deep link, so shared links open', async () => {
    const context = await product.browser.newContext();
    const page = await context.newPage();

    const response = await page.goto(`${product.tiltak.url}/no/such/page`);

    expect(response?.status()).toBe(200);
    await signInAs(page, 'leder@tiltak.test');
    await page.getByRole('heading', { name: 'Fant ikke siden' }).waitFor();
    await context.close();
  });
});
