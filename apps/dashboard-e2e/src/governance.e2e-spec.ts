import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { signIn } from './support/built-tiltak';
import { graphqlAs, productInBrowser } from './support/product';
import { STEP_TIMEOUT_MS } from './support/browser';

interface ActionNode {
  id: string;
  code: string;
  title: string;
  municipalities: { municipality: { name: string } }[];
}

/**
 * An action of every municipality is the region's: the coordinator of Nes proposes a new name for
 * it instead of editing it, and the secretariat accepts the proposal, which renames the action.
 */
describe('proposals to actions of every municipality', () => {
  const product = productInBrowser();
  let regional: ActionNode;

  const signInAs = async (email: string): Promise<Page> => {
    const context = await product.browser.newContext();
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
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'admin@tiltak.test'));
    const { actions } = await ask<{ actions: { edges: { node: ActionNode }[] } }>(
      '{ actions(first: 100) { edges { node { id code title municipalities { municipality { name } } } } } }',
    );
    regional = actions.edges.map((e) => e.node).find((a) => a.municipalities.length === 6)!;
    expect(regional).toBeDefined();
  });

  it('lets a coordinator propose a change that the secretariat accepts', async () => {
    const newTitle = `${regional.title} (revidert)`;
    const coordinator = await signInAs('koordinator.nes@tiltak.test');
    await coordinator.goto(`${product.tiltak.url}/actions/${regional.id}`);
    const form = coordinator.getByRole('form', { name: 'Foreslå en endring' });
    await form.waitFor();
    await form.getByLabel('Navn på tiltaket').fill(newTitle);
    await form.getByLabel('Begrunnelse').fill('Navnet bør si at tiltaket er revidert etter rulleringen.');
    await form.getByRole('button', { name: 'Send forslaget' }).click();
    await form.getByRole('status').filter({ hasText: 'Forslaget er sendt til sekretariatet.' }).waitFor();
    await coordinator.getByRole('heading', { name: 'Endringer som venter på sekretariatet' }).waitFor();
    await coordinator.getByText(`Nytt navn: ${newTitle}`).first().waitFor();
    await expect(seriousViolations(coordinator)).resolves.toEqual([]);
    await coordinator.context().close();

    const secretariat = await signInAs('sekretariat@tiltak.test');
    await secretariat
      .getByRole('navigation', { name: 'Hovedmeny' })
      .getByRole('link', { name: 'Endringsforslag' })
      .click();
    await secretariat.getByRole('heading', { level: 1, name: 'Endringsforslag' }).waitFor();
    await secretariat.getByText(`Nytt navn: ${newTitle}`).waitFor();
    await expect(seriousViolations(secretariat)).resolves.toEqual([]);
    await secretariat.getByRole('button', { name: `Godkjenn forslaget til ${regional.code}` }).click();
    await secretariat
      .getByRole('status')
      .filter({ hasText: `Forslaget er godkjent, og ${regional.code} er endret.` })
      .waitFor();
    await secretariat.getByText(/^Godkjent · Foreslått/).waitFor();

    await secretariat
      .getByRole('link', { name: `${regional.code} ${newTitle}` })
      .first()
      .click();
    await secretariat.getByRole('heading', { level: 1, name: `${regional.code} ${newTitle}` }).waitFor();
    await secretariat.context().close();
  });
});
