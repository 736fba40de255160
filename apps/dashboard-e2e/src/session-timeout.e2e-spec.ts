import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { productInBrowser } from './support/product';

/**
 * WCAG 2.2.1: an idle user is warned minutes ahead, can stay with one key press, and is signed
 * out only when they do not. The page's clock is driven by the test; the server's is real.
 */
describe('the idle session', () => {
  const product = productInBrowser();

  it('warns two minutes ahead, lets the user stay, and signs them out when they do not', async () => {
    const context = await product.browser.newContext();
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill('rad@tiltak.test');
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' }).waitFor();
    const warning = page.getByRole('alertdialog', { name: 'Er du der fortsatt?' });

    // The page's clock also runs in real time, so each step leaves a minute's margin for a slow machine.
    await page.clock.fastForward('27:00');
    await expect(warning.isVisible()).resolves.toBe(false);

    await page.clock.fastForward('01:20');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toMatch(/Tid igjen: [12]:[0-5]\d/);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Fortsett å være innlogget');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'session-timeout-1280');

    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'hidden' });
    await page.clock.fastForward('28:30');
    await warning.waitFor();

    await page.clock.fastForward('01:40');
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await page.getByText('Du ble logget ut fordi du ikke hadde gjort noe på en stund.').waitFor();

    // The sign-out ended the session on the server too: a reload does not sign back in.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Logg inn' }).waitFor();
    await context.close();
  });
});
