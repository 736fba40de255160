import type { Page } from 'playwright-core';
import { focused, headingProblems, namesMissingVisibleText, tabUntil } from './support/keyboard';
import { productInBrowser } from './support/product';

const MATRIX = 'Framdrift per kommune og satsingsområde';
const MATRIX_HEADING = 'Kommuner og satsingsområder';

/**
 * Beyond axe: with the keyboard only, focus lands where the new content starts after sign-in, after
 * each change of page and after a save; the matrix can be passed in a few key presses; every page
 * has one h1 and an outline without gaps; links and buttons are named by what they show; and in
 * English the programme's Norwegian texts say they are Norwegian.
 */
describe('keyboard and screen reader', () => {
  const product = productInBrowser();

  const signInWithKeyboard = async (page: Page, email: string) => {
    await page.goto(product.tiltak.url);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    const order = [];
    for (let press = 0; press < 5; press++) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    // The skip link first, the language, then the form in the order it is read.
    expect(order.map((stop) => stop.tag)).toEqual(['a', 'select', 'input', 'input', 'button']);
    expect(order[0]?.text).toBe('Hopp til hovedinnhold');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('tiltak-demo');
    await page.keyboard.press('Enter');
  };

  /** Waits until focus is on the page's h1, and returns its text. */
  const focusOnHeading = async (page: Page) => {
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    return (await focused(page)).text;
  };

  it('moves focus to the heading after sign-in, after each change of page and after sign-out, and names the page', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInWithKeyboard(page, 'rad@tiltak.test');

    await expect(focusOnHeading(page)).resolves.toMatch(/^Handlingsprogram/);
    await expect(page.title()).resolves.toMatch(/^Oversikt – /);

    // A link in the menu, followed with Enter: the new page's h1 takes focus, the title follows, and
    // the route announcer says which page it is.
    await page.getByRole('link', { name: 'Tiltak', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/actions$/);
    await expect(focusOnHeading(page)).resolves.toBe('Tiltak');
    await expect(page.title()).resolves.toBe('Tiltaksliste – Tiltak');
    await expect(page.locator('[aria-live="assertive"]').innerText()).resolves.toBe('Tiltak');

    await page.getByRole('table').getByRole('link').first().focus();
    const code = (await focused(page)).text;
    await page.keyboard.press('Enter');
    const heading = await focusOnHeading(page);
    expect(heading.startsWith(code)).toBe(true);
    await page.waitForFunction((h1) => document.title.startsWith(h1), heading);

    // Back in history is a change of page too.
    await page.goBack();
    await expect(focusOnHeading(page)).resolves.toBe('Tiltak');

    // Filtering the list changes the address but not the page: focus stays in the filter.
    await page
      .getByRole('search')
      .getByRole('combobox', { name: /^Status/ })
      .focus();
    await page.keyboard.press('ArrowDown');
    await page.waitForURL(/status=/);
    await expect(focused(page)).resolves.toMatchObject({ tag: 'select' });

    // Signing out lands on the sign-in form's heading, not on an empty page.
    await page.getByRole('button', { name: 'Logg ut' }).focus();
    await page.keyboard.press('Enter');
    await expect(focusOnHeading(page)).resolves.toBe('Logg inn');
    await context.close();
  }, 90_000);

  it('takes a keyboard user past the matrix in a few presses of Tab', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signInWithKeyboard(page, 'rad@tiltak.test');
    await focusOnHeading(page);
    const matrix = page.getByRole('table', { name: MATRIX });
    await expect(page.getByRole('heading', { level: 2, name: MATRIX_HEADING }).isVisible()).resolves.toBe(true);
    const insideMatrix = () => matrix.evaluate((table) => table.contains(document.activeElement));
    const pastMatrix = () =>
      matrix.evaluate(
        (table) =>
          !!document.activeElement &&
          !table.contains(document.activeElement) &&
          (table.compareDocumentPosition(document.activeElement) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );

    // Without the skip link, every cell and header is a stop of its own.
    const toSkipLink = await tabUntil(page, async (p) => (await focused(p)).text === 'Hopp over tabellen');
    await expect(page.getByRole('link', { name: 'Hopp over tabellen' }).isVisible()).resolves.toBe(true);
    let stopsInside = 0;
    await tabUntil(page, async () => {
      if (await insideMatrix()) stopsInside++;
      return pastMatrix();
    });
    expect(stopsInside).toBeGreaterThanOrEqual(36);

    // With it: from the skip link, Enter and at most two presses of Tab to the first stop after the matrix.
    await page.locator('h1').focus();
    await tabUntil(page, async (p) => (await focused(p)).text === 'Hopp over tabellen');
    await page.keyboard.press('Enter');
    const afterSkip = await tabUntil(page, pastMatrix);
    expect(afterSkip).toBeLessThanOrEqual(2);
    expect(toSkipLink + 1 + afterSkip).toBeLessThan(stopsInside);
    expect(page.url()).toBe(`${product.tiltak.url}/`);
    await context.close();
  }, 90_000);

  it('moves focus to what a save did, and back to where the user was when the idle warning closes', async () => {
    const context = await product.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.clock.install();
    await signInWithKeyboard(page, 'admin@tiltak.test');
    await focusOnHeading(page);
    await page.getByRole('link', { name: 'Tiltak', exact: true }).focus();
    await page.keyboard.press('Enter');
    await focusOnHeading(page);
    await page.getByRole('table').getByRole('link').first().focus();
    await page.keyboard.press('Enter');
    await focusOnHeading(page);

    await page.getByLabel('Kommentar').focus();
    await page.keyboard.type('Lagret med tastaturet');
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toEqual({ tag: 'button', text: 'Lagre oppdateringen' });
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
    await expect(focused(page)).resolves.toEqual({ tag: 'p', text: 'Oppdateringen er lagret.' });
    await page.getByText('Lagret med tastaturet').waitFor();

    // The idle warning takes focus to its button; staying gives focus back to where it was.
    await page.getByLabel('Kommentar').focus();
    await page.clock.fastForward('28:20');
    const warning = page.getByRole('alertdialog', { name: 'Er du der fortsatt?' });
    await warning.waitFor();
    await expect(focused(page)).resolves.toEqual({ tag: 'button', text: 'Fortsett å være innlogget' });
    await page.keyboard.press('Escape');
    await warning.waitFor({ state: 'hidden' });
    await expect(focused(page)).resolves.toMatchObject({ tag: 'textarea' });
    await context.close();
  }, 90_000);

  it('gives every page one h1, an outline without gaps, and links and buttons named by what they show', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      found[name] = [...(await headingProblems(page)), ...(await namesMissingVisibleText(page))];
    };
    await page.goto(product.tiltak.url);
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await check('sign-in');
    await page.getByLabel('E-postadresse').fill('admin@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('table', { name: MATRIX }).waitFor();
    await page.locator('.watchlist').waitFor();
    await check('overview');

    await page.getByRole('link', { name: 'Nes', exact: true }).click();
    await page.getByRole('heading', { name: 'Indikatorer' }).waitFor();
    await check('municipality');
    await page.goBack();
    await page.getByRole('link', { name: 'Logistikk', exact: true }).click();
    await page.getByRole('heading', { name: 'Indikatorer' }).waitFor();
    await check('focus area');

    await page.getByRole('link', { name: 'Tiltak', exact: true }).click();
    await page.waitForURL(/\/actions$/);
    await page.locator('table.actions-table').waitFor();
    await check('actions');
    await page.locator('table.actions-table').getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Historikk' }).waitFor();
    await check('action');

    await page.getByRole('link', { name: 'Hvem gjør hva' }).click();
    await page.getByRole('table', { name: 'Aktørenes roller per satsingsområde' }).waitFor();
    await check('who does what');
    await page.getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('heading', { level: 2, name: /^Tiltak \(\d+\)$/ }).waitFor();
    await check('party');

    await page.getByRole('link', { name: 'Brukere', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await check('users');

    expect(found).toEqual({
      'sign-in': [],
      overview: [],
      municipality: [],
      'focus area': [],
      actions: [],
      action: [],
      'who does what': [],
      party: [],
      users: [],
    });
    await context.close();
  }, 90_000);

  it('marks the programme’s Norwegian texts with lang="nb-NO" in English, and leaves them unmarked in Norwegian', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    // A language's name in a list of languages is written in that language and marked so on every
    // page (a mail's language on the action page); the programme's own texts are what this is about.
    const marked = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main [lang]:not(option)')].map((element) => ({
          lang: element.getAttribute('lang'),
          text: (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        })),
      );
    await page.goto(product.tiltak.url);
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByLabel('E-mail address').fill('admin@tiltak.test');
    await page.getByLabel('Password').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const matrix = page.getByRole('table', { name: 'Progress by municipality and focus area' });
    await matrix.waitFor();

    // The programme's name, and each focus area heading the matrix's columns.
    await expect(page.locator('h1 [lang="nb-NO"]').innerText()).resolves.toMatch(/^Handlingsprogram/);
    const columns = await matrix.getByRole('columnheader').allInnerTexts();
    const markedColumns = await matrix.locator('thead [lang="nb-NO"]').allInnerTexts();
    expect(markedColumns).toHaveLength(columns.length - 1);
    expect(markedColumns).toContain('Logistikk');

    await page.getByRole('link', { name: 'Logistikk', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Indicators' }).waitFor();
    await expect(page.locator('h1 [lang="nb-NO"]').innerText()).resolves.toBe('Logistikk');
    await expect(page.locator('figure.indicator figcaption[lang="nb-NO"]').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Actions', exact: true }).click();
    await page.waitForURL(/\/actions$/);
    const actions = page.locator('table.actions-table');
    await actions.waitFor();
    const rows = await actions.locator('tbody tr').count();
    await expect(actions.locator('tbody td[lang="nb-NO"]').count()).resolves.toBe(rows);
    await actions.getByRole('link').first().click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('nb-NO');
    // The interface's own words stay English.
    await expect(page.getByRole('heading', { name: 'History' }).getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('main [lang="nb-NO"]').count()).resolves.toBeGreaterThan(1);

    // In Norwegian nothing needs marking: the page itself is Norwegian.
    await page.getByLabel('Language', { exact: true }).selectOption('nb');
    await page.getByRole('heading', { name: 'Historikk' }).waitFor();
    await expect(marked()).resolves.toEqual([]);
    await context.close();
  }, 90_000);
});
