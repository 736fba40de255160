import { productInBrowser } from './support/product';
import { seriousViolations } from './support/axe';
import { screenshot } from './support/browser';

// Every page of a walk is scanned by axe, which is CPU-bound: with the CI machine's two cores busy
// with other suites a walk has taken over two minutes.
const WALK_TIMEOUT_MS = 300_000;

/** Universal design: axe finds no serious or critical WCAG 2.1 AA violation on any page, at 375 and 1440 px, in both languages. */
describe('accessibility', () => {
  const product = productInBrowser();

  it.each([375, 1440])(
    'has no serious violations on sign-in, overview, actions, an action, who does what and a party, %i px wide',
    async (width) => {
      const context = await product.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};

      await page.goto(product.tiltak.url);
      await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
      found['sign-in'] = await seriousViolations(page);

      await page.getByLabel('E-postadresse').fill('koordinator.nes@tiltak.test');
      await page.getByLabel('Passord').fill('tiltak-demo');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' }).waitFor();
      found['overview'] = await seriousViolations(page);
      await screenshot(page, `overview-${width}`);

      await page.getByRole('link', { name: 'Nes', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Nes' }).waitFor();
      await page.getByRole('heading', { name: 'Indikatorer' }).waitFor();
      await page.locator('figure.indicator').first().waitFor();
      // A municipality's values stand alone: the baseline and target are the region's.
      await expect(page.locator('figure.indicator table').first().innerText()).resolves.not.toMatch(/Utgangspunkt/);
      found['municipality'] = await seriousViolations(page);
      await page.goBack();
      await page.getByRole('link', { name: 'Logistikk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Logistikk' }).waitFor();
      await page.locator('figure.indicator').first().waitFor();
      await expect(page.locator('figure.indicator table').first().innerText()).resolves.toMatch(
        /Utgangspunkt[\s\S]*Mål 2028/,
      );
      found['focus area'] = await seriousViolations(page);
      await screenshot(page, `focus-area-${width}`);

      await page.getByRole('link', { name: 'Tiltak', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Tiltak' }).waitFor();
      await page.getByRole('table').waitFor();
      await expect(page.title()).resolves.toBe('Tiltaksliste – Tiltak');
      found['actions'] = await seriousViolations(page);

      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { name: 'Historikk' }).waitFor();
      found['action'] = await seriousViolations(page);
      await screenshot(page, `action-${width}`);

      await page.getByRole('link', { name: 'Hvem gjør hva' }).click();
      const whoDoesWhat = page.getByRole('table', { name: 'Aktørenes roller per satsingsområde' });
      await whoDoesWhat.waitFor();
      await page.getByLabel('Type aktør').selectOption('NEIGHBOUR_REGION');
      await page.waitForURL(/kind=NEIGHBOUR_REGION/);
      await page.getByRole('rowheader').first().getByText('Naboregion').waitFor();
      found['who does what'] = await seriousViolations(page);

      await page.getByRole('rowheader').first().getByRole('link').click();
      await page.getByRole('heading', { level: 2, name: /^Tiltak \(\d+\)$/ }).waitFor();
      await expect(
        page.getByRole('cell', { name: /^(Ansvarlig|Partner), (strategisk|operativt)$/ }).count(),
      ).resolves.toBeGreaterThan(0);
      found['party'] = await seriousViolations(page);
      await screenshot(page, `party-${width}`);

      await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Mål', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Mål og delmål' }).waitFor();
      found['goals'] = await seriousViolations(page);
      await page.getByRole('link', { name: /^M1 / }).click();
      await page.getByRole('table', { name: /^Tiltak som bidrar til M1/ }).waitFor();
      found['goal'] = await seriousViolations(page);
      await screenshot(page, `goal-${width}`);

      expect(found).toEqual({
        'sign-in': [],
        overview: [],
        municipality: [],
        'focus area': [],
        actions: [],
        action: [],
        'who does what': [],
        party: [],
        goals: [],
        goal: [],
      });
      await context.close();
    },
    WALK_TIMEOUT_MS,
  );

  it.each([375, 1440])(
    'has no serious violations in English either, on sign-in, overview, a focus area, an action and users, %i px wide',
    async (width) => {
      const context = await product.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};

      await page.goto(product.tiltak.url);
      await page.getByLabel('Språk', { exact: true }).selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en-GB');
      found['sign-in'] = await seriousViolations(page);

      await page.getByLabel('E-mail address').fill('admin@tiltak.test');
      await page.getByLabel('Password').fill('tiltak-demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('table', { name: 'Progress by municipality and focus area' }).waitFor();
      found['overview'] = await seriousViolations(page);

      // Norwegian names on an English page: the focus area and its indicators.
      await page.getByRole('link', { name: 'Logistikk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Logistikk' }).waitFor();
      await page.locator('figure.indicator').first().waitFor();
      found['focus area'] = await seriousViolations(page);

      await page.getByRole('link', { name: 'Actions', exact: true }).click();
      await page.getByRole('table').getByRole('link').first().click();
      await page.getByRole('heading', { name: 'History' }).waitFor();
      found['action'] = await seriousViolations(page);

      await page.getByRole('link', { name: 'Users', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
      found['users'] = await seriousViolations(page);
      await screenshot(page, `users-en-${width}`);

      expect(found).toEqual({ 'sign-in': [], overview: [], 'focus area': [], action: [], users: [] });
      await context.close();
    },
    WALK_TIMEOUT_MS,
  );

  it.each([375, 1440])(
    'has no serious violations in nynorsk either, on sign-in and the overview, %i px wide',
    async (width) => {
      const context = await product.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};

      await page.goto(product.tiltak.url);
      await page.getByLabel('Språk', { exact: true }).selectOption('nn');
      await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('nn-NO');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByText('Skriv inn e-postadressa di.').waitFor();
      found['sign-in'] = await seriousViolations(page);

      await page.getByLabel('E-postadresse').fill('rad@tiltak.test');
      await page.getByLabel('Passord').fill('tiltak-demo');
      await page.getByRole('button', { name: 'Logg inn' }).click();
      await page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' }).waitFor();
      found['overview'] = await seriousViolations(page);
      await screenshot(page, `overview-nn-${width}`);

      expect(found).toEqual({ 'sign-in': [], overview: [] });
      await context.close();
    },
    WALK_TIMEOUT_MS,
  );
});
