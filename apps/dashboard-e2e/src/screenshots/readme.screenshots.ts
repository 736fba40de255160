import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signIn, workspaceRoot } from '../support/built-tiltak';
import { graphqlAs, productInBrowser } from '../support/product';

const OUTPUT = resolve(workspaceRoot, 'docs/screenshots');

/** The widths the README shows: a council member's laptop and a small phone. */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 375, height: 812 },
];

/** Longer pages are cut after three screens, which keeps the pictures small enough to commit. */
const SCREENS_PER_PICTURE = 3;

async function signedIn(browser: Browser, url: string, email: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'nb-NO' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('E-postadresse').fill(email);
  await page.getByLabel('Passord').fill('tiltak-demo');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByRole('button', { name: 'Logg ut' }).waitFor();
  return page;
}

/** Waits until the page has its heading and nothing more to fetch, then saves it. */
async function picture(page: Page, name: string, heading: RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.waitForLoadState('networkidle');
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const fullHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({
    path: resolve(OUTPUT, `${name}-${viewport.width}.png`),
    fullPage: true,
    clip: { x: 0, y: 0, width: viewport.width, height: Math.min(fullHeight, viewport.height * SCREENS_PER_PICTURE) },
  });
}

describe('the README’s screenshots', () => {
  const product = productInBrowser();

  let roundId = '';
  let roundName = '';

  beforeAll(async () => {
    await mkdir(OUTPUT, { recursive: true });
    // The demo's open round, with reports submitted, a draft and a returned one.
    const admin = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'admin@tiltak.test'));
    const { reportingRounds } = await admin<{ reportingRounds: { id: string; name: string }[] }>(
      '{ reportingRounds(state: OPEN) { id name } }',
    );
    const [round] = reportingRounds;
    if (!round) throw new Error('The demo programme has no open reporting round');
    roundId = round.id;
    roundName = round.name;
  });

  it.each(VIEWPORTS)('are taken at $width px', async (viewport) => {
    const { url } = product.tiltak;

    const council = await signedIn(product.browser, url, 'rad@tiltak.test', viewport);
    await picture(council, 'overview', /Handlingsprogram/);
    await council.goto(`${url}/reporting/${roundId}`);
    await picture(council, 'completion', new RegExp(roundName.replace('.', '\\.')));
    await council.context().close();

    const coordinator = await signedIn(product.browser, url, 'koordinator.nes@tiltak.test', viewport);
    await coordinator.goto(`${url}/municipalities/nes`);
    await picture(coordinator, 'municipality', /Nes/);
    await coordinator.context().close();

    // A project lead lands on their own actions.
    const lead = await signedIn(product.browser, url, 'leder@tiltak.test', viewport);
    await picture(lead, 'lead', /Mine tiltak/);
    await lead.goto(`${url}/my-reports`);
    await lead.locator('.owed-report button[aria-expanded]').first().click();
    await picture(lead, 'my-reports', /Mine oppgaver/);
    await lead.context().close();
  });
});
