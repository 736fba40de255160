import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';
import { graphqlAs, productInBrowser } from './support/product';

interface ActionNode {
  id: string;
  code: string;
  title: string;
}

/** The secretariat adds a goal of the strategy, links actions to it, and reads the goal's roll-up. */
describe('goals of the strategy', () => {
  const product = productInBrowser();
  let targets: ActionNode[];

  const signInAs = async (page: Page, email: string) => {
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram/ }).waitFor();
  };

  beforeAll(async () => {
    const token = await signIn(product.tiltak.url, 'sekretariat@tiltak.test');
    const { actions } = await graphqlAs(
      product.tiltak.url,
      token,
    )<{
      actions: { edges: { node: ActionNode }[] };
    }>('{ actions(first: 100) { edges { node { id code title } } } }');
    const byCode = new Map(actions.edges.map(({ node }) => [node.code, node]));
    targets = ['LOG-2', 'LOG-4'].map((code) => byCode.get(code)!);
  });

  it('adds a goal, links two actions to it, and the goal page shows them and the progress', async () => {
    const context = await product.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInAs(page, 'sekretariat@tiltak.test');

    await page.getByRole('navigation', { name: /hoved/i }).getByRole('link', { name: 'Mål', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mål og delmål' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /M1 Flere nettverk og næringsklynger/ }).waitFor();

    const form = page.getByRole('form', { name: 'Nytt mål' });
    await form.getByLabel('Kode').fill('M4');
    await form.getByLabel('Navn').fill('Grønn logistikk i hele regionen');
    await form.getByLabel('Beskrivelse').fill('Lavere utslipp fra varetransporten rundt Oslo lufthavn.');
    await form.getByRole('button', { name: 'Legg til mål' }).click();
    await page.getByText('Målet M4 er lagt til.').waitFor();
    const goalLink = page.getByRole('link', { name: 'M4 Grønn logistikk i hele regionen' });
    await goalLink.waitFor();
    await screenshot(page, 'goals-nb');

    for (const action of targets) {
      await page.goto(`${product.tiltak.url}/actions/${action.id}`);
      const section = page.getByRole('region', { name: 'Mål tiltaket bidrar til' });
      await section.getByText('Tiltaket er ikke knyttet til noe mål ennå.').waitFor();
      await section.getByRole('checkbox', { name: 'M4 Grønn logistikk i hele regionen' }).check();
      await section.getByRole('button', { name: 'Lagre målene' }).click();
      await section.getByText('Målene for tiltaket er lagret.').waitFor();
      await section.getByRole('link', { name: 'M4 Grønn logistikk i hele regionen' }).waitFor();
    }

    await page.getByRole('region', { name: 'Mål tiltaket bidrar til' }).getByRole('link', { name: /^M4 / }).click();
    await page.getByRole('heading', { level: 1, name: 'M4 Grønn logistikk i hele regionen' }).waitFor();
    const table = page.getByRole('table', { name: 'Tiltak som bidrar til M4, også gjennom delmålene' });
    await expect(table.getByRole('rowheader').allInnerTexts()).resolves.toEqual(['LOG-2', 'LOG-4']);
    for (const action of targets) await table.getByRole('link', { name: action.title }).waitFor();

    // The page shows the server's roll-up of the two actions, not a figure of its own.
    const token = await signIn(product.tiltak.url, 'sekretariat@tiltak.test');
    const { goals } = await graphqlAs(
      product.tiltak.url,
      token,
    )<{
      goals: { code: string; progress: number | null; explanation: { actionCount: number } }[];
    }>('{ goals { code progress explanation { actionCount } } }');
    const goal = goals.find((g) => g.code === 'M4')!;
    expect(goal.progress).not.toBeNull();
    expect(goal.explanation.actionCount).toBeGreaterThanOrEqual(2);
    const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 1 }).format(
      goal.progress! / 100,
    );
    await page.getByText(new RegExp(`^${percent.replace(/\s/g, '\\s')} \\(forventet nå: `)).waitFor();
    await screenshot(page, 'goal-nb');
    await context.close();
  });
});
