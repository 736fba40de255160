import type { Page } from 'playwright-core';
import { osloDate } from '@tiltak/domain';
import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';
import { focused } from './support/keyboard';
import { graphqlAs, productInBrowser } from './support/product';

const ROUND = '2. tertial 2026';

/** The date `days` after today in Oslo, as YYYY-MM-DD. */
function daysFromToday(days: number): string {
  const date = new Date(`${osloDate()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Counts the page's own navigations (a full load or a change of document), which reporting must not cause. */
function loadsOf(page: Page): { count: number } {
  const loads = { count: 0 };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) loads.count++;
  });
  return loads;
}

/**
 * A reporting round from end to end, as its people meet it: an admin opens it, the project lead
 * finds their report in "Mine oppgaver" and submits it with the keyboard alone, the council watches
 * the completion view move, a coordinator returns the report with a comment, and the lead submits
 * it again.
 */
describe('reporting rounds in the dashboard', () => {
  const product = productInBrowser();
  let admin: ReturnType<typeof graphqlAs>;
  /** An action the lead's party leads, in Nes, without milestones: its lead sets the progress. */
  const action = { id: '', code: '', title: 'Felles kompetanseløft for reiselivet' };
  let roundId = '';

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
  /**
   * The focused element once focus has reached an element of the kind expected, or after 5 s: pages
   * move focus after they render what caused it, a moment after it shows.
   */
  const focusSettles = async (page: Page, tag: string) => {
    await page
      .waitForFunction((name) => document.activeElement?.tagName.toLowerCase() === name, tag)
      .catch(() => undefined);
    return focused(page);
  };
  /** A button's name: its word, then (hidden, after a space the browser puts in) which action it is for. */
  const forAction = (word: string) => new RegExp(`^${word}\\s*: ${action.code} `);
  const summary = (page: Page) => page.locator('.round-summary').innerText();
  const rowOf = (page: Page, caption: string, header: string) =>
    page
      .getByRole('table', { name: caption })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });

  beforeAll(async () => {
    admin = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'admin@tiltak.test'));
    const lead = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'leder@tiltak.test'));
    const { me } = await lead<{ me: { partyId: string } }>('{ me { partyId } }');
    const { focusAreas, municipalities } = await admin<{
      focusAreas: { id: string; code: string }[];
      municipalities: { id: string; name: string }[];
    }>('{ focusAreas { id code } municipalities { id name } }');
    action.code = `${focusAreas[0].code}-951`;
    const { createAction } = await admin<{ createAction: { id: string } }>(
      'mutation($input: CreateActionInput!) { createAction(input: $input) { id } }',
      {
        input: {
          code: action.code,
          title: action.title,
          focusAreaId: focusAreas[0].id,
          municipalityIds: [municipalities.find((m) => m.name === 'Nes')!.id],
          startDate: '2026-01-01',
          dueDate: '2027-12-31',
        },
      },
    );
    action.id = createAction.id;
    await admin('mutation($input: AddInvolvementInput!) { addInvolvement(input: $input) { id } }', {
      input: { actionId: action.id, partyId: me.partyId, role: 'LEAD', level: 'OPERATIONAL' },
    });
  });

  it('opens a round, takes the lead’s report by keyboard, shows it live to the council, and goes back and forth once', async () => {
    // An admin opens the round from the dashboard.
    const adminPage = await signInAs('admin@tiltak.test', 1440, /Handlingsprogram/);
    await adminPage.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Rapportering' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Rapportering' }).waitFor();
    await expect(adminPage.title()).resolves.toBe('Rapportering – Tiltak');
    await adminPage.getByLabel('Navn på runden').fill(ROUND);
    await adminPage.getByLabel('Frist', { exact: true }).fill(daysFromToday(14));
    await expect(adminPage.getByLabel('Frist med tillegg (dager etter fristen)').inputValue()).resolves.toBe('7');
    await adminPage.getByRole('button', { name: 'Åpne runden' }).click();
    await adminPage
      .getByRole('status')
      .filter({ hasText: `Rapporteringsrunden «${ROUND}» er åpnet.` })
      .waitFor();
    const { reportingRounds } = await admin<{ reportingRounds: { id: string; name: string }[] }>(
      '{ reportingRounds { id name } }',
    );
    roundId = reportingRounds.find((round) => round.name === ROUND)!.id;
    await adminPage.getByRole('row').filter({ hasText: ROUND }).getByText('Åpen').waitFor();
    await adminPage.context().close();

    // The council keeps the completion view open in a browser of its own.
    const council = await signInAs('rad@tiltak.test', 1440, /Handlingsprogram/);
    await council.goto(`${product.tiltak.url}/reporting/${roundId}`);
    await council.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    const councilLoads = loadsOf(council);
    const before = await summary(council);
    expect(before).toMatch(/er 0 sendt inn/);
    const nesBefore = await rowOf(council, 'Innsendte og manglende rapporter per kommune', 'Nes').innerText();

    // The lead finds the report in "Mine oppgaver", with the count in the menu.
    const lead = await signInAs('leder@tiltak.test', 1440, /Mine tiltak/);
    const menuLink = lead.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: /Mine oppgaver/ });
    await expect(menuLink.getAttribute('href')).resolves.toBe('/my-reports');
    await lead.getByText(/rapporter? å levere/).waitFor({ state: 'attached' });
    await menuLink.focus();
    await lead.keyboard.press('Enter');
    await lead.getByRole('heading', { level: 1, name: 'Mine oppgaver' }).waitFor();
    await lead.getByRole('heading', { level: 2, name: ROUND }).waitFor();
    await expect(focusSettles(lead, 'h1')).resolves.toMatchObject({ tag: 'h1', text: 'Mine oppgaver' });
    await expect(lead.title()).resolves.toBe('Mine oppgaver – Tiltak');
    const leadLoads = loadsOf(lead);

    // Keyboard only from here: Tab to the report's button, open the form in place.
    const opener = `Rapporter: ${action.code} ${action.title}`;
    // The hidden part of the button's name follows its visible word: reading the text puts a space between.
    const onOpener = async () => (await focused(lead)).text.replace(/\s+:/, ':') === opener;
    for (let presses = 0; !(await onOpener()); presses++) {
      if (presses > 150) throw new Error(`never reached ${opener}; focus is on ${JSON.stringify(await focused(lead))}`);
      await lead.keyboard.press('Tab');
    }
    await lead.keyboard.press('Enter');
    const label = () =>
      lead.evaluate(() => {
        const active = document.activeElement as HTMLElement;
        return document.querySelector(`label[for="${CSS.escape(active.id)}"]`)?.textContent ?? active.tagName;
      });
    await focusSettles(lead, 'select');
    await expect(label()).resolves.toBe('Status');
    await lead.keyboard.press('Tab');
    await expect(label()).resolves.toBe('Framdrift (prosent)');
    await lead.keyboard.press('Control+A');
    await lead.keyboard.type('35');
    await lead.keyboard.press('Tab');
    await expect(label()).resolves.toBe('Vurdering');
    // "Som beregnet", I rute, I risiko: two steps down is at risk, which asks for a narrative.
    await lead.keyboard.press('ArrowDown');
    await lead.keyboard.press('ArrowDown');
    await lead.getByText(/^Påkrevd når tiltaket er i risiko eller utenfor kurs/).waitFor();
    await lead.keyboard.press('Tab');
    await expect(label()).resolves.toBe('Hva har skjedd, og hva skjer videre?');

    // A draft first: saved, said where focus goes, the form still open.
    await lead.keyboard.press('Tab');
    await expect(focused(lead)).resolves.toMatchObject({ tag: 'button', text: 'Lagre utkast' });
    await lead.keyboard.press('Enter');
    await lead.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    await expect(focusSettles(lead, 'p')).resolves.toMatchObject({
      tag: 'p',
      text: 'Utkastet er lagret. Det er ikke sendt inn ennå.',
    });

    // Submitting without a narrative at risk is stopped at the field, before the server refuses.
    await lead.keyboard.press('Shift+Tab');
    await lead.keyboard.press('Shift+Tab');
    await expect(focused(lead)).resolves.toMatchObject({ tag: 'button', text: 'Send inn' });
    await lead.keyboard.press('Enter');
    await expect(label()).resolves.toBe('Hva har skjedd, og hva skjer videre?');
    const narrative = lead.getByLabel('Hva har skjedd, og hva skjer videre?');
    await expect(narrative.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(
      lead.evaluate(() =>
        (document.activeElement?.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent)
          .join(' '),
      ),
    ).resolves.toMatch(/Skriv hva som skjer før du sender inn: tiltaket er i risiko\./);
    await lead.keyboard.type('Kursene er flyttet til våren fordi tilskuddet kom sent.');
    await lead.keyboard.press('Tab');
    await lead.keyboard.press('Tab');
    await expect(focused(lead)).resolves.toMatchObject({ tag: 'button', text: 'Send inn' });
    await lead.keyboard.press('Enter');
    const sent = `Rapporten for ${action.code} ${action.title} er sendt inn.`;
    await lead.getByRole('status').filter({ hasText: sent }).waitFor();
    await expect(focusSettles(lead, 'p')).resolves.toMatchObject({
      tag: 'p',
      text: sent,
    });
    await expect(lead.getByRole('button', { name: forAction('Rapporter') }).count()).resolves.toBe(0);
    expect(leadLoads.count).toBe(0);
    expect(new URL(lead.url()).pathname).toBe('/my-reports');

    // The council's view moved by itself.
    await council.waitForFunction(
      (previous) => document.querySelector('.round-summary')?.textContent !== previous,
      before,
      { timeout: 10_000 },
    );
    await expect(summary(council)).resolves.toMatch(/er 1 sendt inn/);
    await expect(rowOf(council, 'Innsendte og manglende rapporter per kommune', 'Nes').innerText()).resolves.not.toBe(
      nesBefore,
    );
    expect(councilLoads.count).toBe(0);
    await council.context().close();

    // Nes's coordinator reads the report and returns it with a comment.
    const coordinator = await signInAs('koordinator.nes@tiltak.test', 1440, /Handlingsprogram/);
    await coordinator.goto(`${product.tiltak.url}/reporting/${roundId}`);
    await coordinator.getByRole('heading', { level: 1, name: ROUND }).waitFor();
    await coordinator.getByLabel('Tilstand').selectOption('SUBMITTED');
    await coordinator.getByRole('button', { name: forAction('Les') }).click();
    await expect(focusSettles(coordinator, 'h3')).resolves.toMatchObject({ tag: 'h3' });
    await coordinator.getByText('Kursene er flyttet til våren fordi tilskuddet kom sent.').waitFor();
    await coordinator.getByRole('button', { name: 'Returner rapporten' }).click();
    await coordinator.getByText('Skriv en kommentar før du returnerer rapporten.').waitFor();
    await coordinator
      .getByLabel('Kommentar til den som rapporterte')
      .fill('Hvor mange bedrifter er med? Skriv det, så godkjenner vi.');
    await coordinator.getByRole('button', { name: 'Returner rapporten' }).click();
    await coordinator
      .getByRole('status')
      .filter({ hasText: `Rapporten for ${action.code} ${action.title} er returnert med kommentaren din.` })
      .waitFor();
    await coordinator.context().close();

    // The lead's page, open all along, shows it returned, first, with the comment; the lead submits again.
    // The demo has a round of its own, with a returned report of its own: this round's first.
    const returned = lead
      .locator('section')
      .filter({ has: lead.getByRole('heading', { level: 2, name: ROUND }) })
      .locator('.owed-report')
      .first();
    await returned.getByText('Returnert', { exact: true }).waitFor();
    await returned.getByText('Hvor mange bedrifter er med? Skriv det, så godkjenner vi.').waitFor();
    await expect(returned.getByRole('heading').innerText()).resolves.toContain(action.code);
    expect(leadLoads.count).toBe(0);
    await returned.getByRole('button', { name: forAction('Rapporter') }).click();
    await narrative.fill('Kursene er flyttet til våren. Tolv bedrifter er med.');
    await lead.getByRole('button', { name: 'Send inn' }).click();
    await lead.getByRole('status').filter({ hasText: sent }).waitFor();
    const { reportingRound } = await admin<{
      reportingRound: { reports: { state: string; narrative: string; action: { id: string } }[] };
    }>('query($id: ID!) { reportingRound(id: $id) { reports { state narrative action { id } } } }', { id: roundId });
    expect(reportingRound.reports.find((report) => report.action.id === action.id)).toMatchObject({
      state: 'SUBMITTED',
      narrative: 'Kursene er flyttet til våren. Tolv bedrifter er med.',
    });
    await lead.context().close();
  }, 120_000);

  it('shows the lead plainly what someone else saved first, and saves theirs only when asked', async () => {
    // The demo round's draft for LOG-1, which the lead owes.
    const { reportingRounds } = await admin<{
      reportingRounds: {
        id: string;
        name: string;
        reports: { id: string; version: number; action: { code: string } }[];
      }[];
    }>('{ reportingRounds(state: OPEN) { id name reports(state: DRAFT) { id version action { code } } } }');
    const demo = reportingRounds.find((round) => round.name !== ROUND)!;
    const draft = demo.reports.find((report) => report.action.code === 'LOG-1')!;

    const lead = await signInAs('leder@tiltak.test', 375, /Mine tiltak/);
    await lead.goto(`${product.tiltak.url}/my-reports`);
    await lead.getByRole('heading', { level: 2, name: demo.name }).waitFor();
    await lead
      .locator('section')
      .filter({ has: lead.getByRole('heading', { level: 2, name: demo.name }) })
      .getByRole('button', { name: /^Rapporter\s*: LOG-1 / })
      .click();
    const narrative = lead.getByLabel('Hva har skjedd, og hva skjer videre?');
    await narrative.fill('To samlinger, 31 bedrifter med.');

    await admin('mutation($input: SaveReportInput!) { saveReport(input: $input) { id } }', {
      input: { reportId: draft.id, expectedVersion: draft.version, narrative: 'Administrator har rettet utkastet.' },
    });
    await lead.getByRole('button', { name: 'Lagre utkast' }).click();
    const conflict = lead.getByRole('alert').filter({ hasText: 'Noen andre lagret rapporten først' });
    await conflict.getByText('«Administrator har rettet utkastet.»').waitFor();
    await expect(narrative.inputValue()).resolves.toBe('To samlinger, 31 bedrifter med.');

    await conflict.getByRole('button', { name: 'Lagre min versjon likevel' }).click();
    await lead.getByRole('status').filter({ hasText: 'Utkastet er lagret.' }).waitFor();
    const { reportingRound } = await admin<{ reportingRound: { reports: { id: string; narrative: string }[] } }>(
      'query($id: ID!) { reportingRound(id: $id) { reports(state: DRAFT) { id narrative } } }',
      { id: demo.id },
    );
    expect(reportingRound.reports.find((report) => report.id === draft.id)?.narrative).toBe(
      'To samlinger, 31 bedrifter med.',
    );
    await lead.context().close();
  }, 60_000);

  it.each([1440, 375])(
    'has no serious violations on the reporting pages, in bokmål and English, %i px wide',
    async (width) => {
      const found: Record<string, string[]> = {};
      const visit = async (page: Page, name: string, path: string, ready: (page: Page) => Promise<void>) => {
        for (const [language, label] of [
          ['nb', 'Språk'],
          ['en', 'Language'],
        ] as const) {
          await page.goto(`${product.tiltak.url}${path}`);
          if (language === 'en') await page.getByLabel('Språk', { exact: true }).selectOption('en');
          await ready(page);
          found[`${name} ${language}`] = await seriousViolations(page);
          await screenshot(page, `${name}-${language}-${width}`);
          if (language === 'en') await page.getByLabel(label).selectOption('nb');
        }
      };

      const admin = await signInAs('admin@tiltak.test', width, /Handlingsprogram/);
      await visit(admin, 'reporting', '/reporting', (page) => page.locator('table').first().waitFor());
      await admin.context().close();

      const coordinator = await signInAs('koordinator.nes@tiltak.test', width, /Handlingsprogram/);
      await visit(coordinator, 'completion', `/reporting/${roundId}`, async (page) => {
        await page.locator('.round-summary').waitFor();
      });
      await coordinator.context().close();

      const lead = await signInAs('leder@tiltak.test', width, /Mine tiltak/);
      await visit(lead, 'my-reports', '/my-reports', async (page) => {
        await page.locator('h1').waitFor();
        const opener = page.locator('.owed-report button[aria-expanded]').first();
        if ((await opener.count()) > 0) {
          await opener.click();
          await page.locator('.report-form').waitFor();
        }
      });
      await lead.context().close();

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
      expect(Object.keys(found)).toHaveLength(6);
    },
    120_000,
  );

  it('lets an admin close a round early, after asking, and shows it closed', async () => {
    const page = await signInAs('admin@tiltak.test', 1440, /Handlingsprogram/);
    await page.goto(`${product.tiltak.url}/reporting`);
    const row = page.getByRole('row').filter({ hasText: ROUND });
    await row.getByText('Åpen').waitFor();
    const asked: string[] = [];
    page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.accept();
    });
    await row.getByRole('button', { name: /^Avslutt nå/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Rapporteringsrunden «${ROUND}» er avsluttet.` })
      .waitFor();
    expect(asked).toEqual([`Avslutte «${ROUND}» nå? Rapportene i runden kan ikke endres etterpå.`]);
    await row.getByText('Avsluttet').waitFor();
    await expect(row.getByRole('button').count()).resolves.toBe(0);
    await page.context().close();
  }, 60_000);
});
