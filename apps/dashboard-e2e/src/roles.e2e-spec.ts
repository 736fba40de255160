import type { Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { STEP_TIMEOUT_MS, screenshot } from './support/browser';
import { signIn } from './support/built-tiltak';
import { graphqlAs, productInBrowser } from './support/product';

interface ActionNode {
  id: string;
  code: string;
  status: string;
  municipalities: { municipality: { name: string } }[];
  involvements: { role: string; party: { id: string; name: string } }[];
}

/**
 * Each role, signed in through the dashboard, sees what it may do and nothing more; what it may
 * do works, and what the server refuses is said plainly.
 */
describe('what each role sees and may do', () => {
  const product = productInBrowser();
  let leadAction: ActionNode;
  let nesAction: ActionNode;
  let eidsvollAction: ActionNode;

  const signInAs = async (email: string): Promise<Page> => {
    const context = await product.browser.newContext();
    // Well inside jest's own limit, so a step that cannot happen fails with its own name.
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    const page = await context.newPage();
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    // A project lead lands on their own actions, everyone else on the overview.
    await (
      email.startsWith('leder')
        ? page.getByRole('heading', { level: 1, name: 'Mine tiltak' })
        : page.getByRole('table', { name: 'Framdrift per kommune og satsingsområde' })
    ).waitFor();
    return page;
  };
  const openAction = async (page: Page, action: ActionNode) => {
    await page.goto(`${product.tiltak.url}/actions/${action.id}`);
    await page.getByRole('heading', { name: 'Historikk' }).waitFor();
  };
  const navigation = (page: Page) => page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link');
  /** The menu's words, without the count of reports owed that "Mine oppgaver" may carry. */
  const menuWords = async (page: Page) =>
    (await navigation(page).allInnerTexts()).map((text) => text.replace(/\s+\d.*$/s, ''));

  beforeAll(async () => {
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'leder@tiltak.test'));
    const { me } = await ask<{ me: { partyId: string } }>('{ me { partyId } }');
    const { actions } = await ask<{ actions: { edges: { node: ActionNode }[] } }>(
      `{ actions(first: 100) { edges { node { id code status municipalities { municipality { name } }
        involvements { role party { id name } } } } } }`,
    );
    const open = actions.edges.map((e) => e.node).filter((a) => !['CANCELLED', 'COMPLETED'].includes(a.status));
    const leadOf = (a: ActionNode) => a.involvements.find((i) => i.role === 'LEAD')?.party.id;
    const only = (a: ActionNode, name: string) => a.municipalities.every((m) => m.municipality.name === name);
    leadAction = open.find((a) => leadOf(a) === me.partyId)!;
    nesAction = open.find((a) => only(a, 'Nes') && leadOf(a) && leadOf(a) !== me.partyId)!;
    eidsvollAction = open.find((a) => only(a, 'Eidsvoll'))!;
    expect([leadAction, nesAction, eidsvollAction].every(Boolean)).toBe(true);
  });

  it('shows the council the programme with no way to change it', async () => {
    const page = await signInAs('rad@tiltak.test');
    await expect(page.getByRole('table').first().getByRole('rowheader').count()).resolves.toBe(6);
    // The item shows once the API has said what the viewer may do.
    await navigation(page).filter({ hasText: 'Rapport til regionrådet' }).waitFor();
    await expect(menuWords(page)).resolves.toEqual([
      'Oversikt',
      'Mål',
      'Tiltak',
      'Hvem gjør hva',
      'Nettverk og klynger',
      'Mine oppgaver',
      'Rapportering',
      'Rapport til regionrådet',
      'Import og eksport',
      'Perioder',
      'Endringsforslag',
    ]);

    await openAction(page, leadAction);
    await expect(page.getByRole('heading', { name: 'Oppdater status' }).count()).resolves.toBe(0);
    await expect(
      page.getByRole('button', { name: /Marker som fullført|Gjenåpne|Lagre rolle|Fjern/ }).count(),
    ).resolves.toBe(0);
    await expect(page.getByRole('form', { name: 'Legg til en aktør' }).count()).resolves.toBe(0);

    await page.goto(`${product.tiltak.url}/users`);
    await page.getByText('Bare administratorer kan se og endre brukere.').waitFor();
    await page.context().close();
  });

  it('lets the secretariat run the programme, but not administer users', async () => {
    const page = await signInAs('sekretariat@tiltak.test');
    // The item shows once the API has said what the viewer may do.
    await navigation(page).filter({ hasText: 'Rapport til regionrådet' }).waitFor();
    await expect(menuWords(page)).resolves.toEqual([
      'Oversikt',
      'Mål',
      'Tiltak',
      'Hvem gjør hva',
      'Nettverk og klynger',
      'Mine oppgaver',
      'Rapportering',
      'Rapport til regionrådet',
      'Import og eksport',
      'Perioder',
      'Endringsforslag',
    ]);
    await openAction(page, eidsvollAction);
    await page.getByRole('heading', { name: 'Oppdater status' }).waitFor();
    await page.goto(`${product.tiltak.url}/reporting`);
    await page.getByRole('heading', { name: 'Åpne en rapporteringsrunde' }).waitFor();
    await page.goto(`${product.tiltak.url}/users`);
    await page.getByText('Bare administratorer kan se og endre brukere.').waitFor();
    await page.context().close();
  });

  it('shows an elected official the programme, without changing it', async () => {
    const page = await signInAs('politiker@tiltak.test');
    // The item shows once the API has said what the viewer may do.
    await navigation(page).filter({ hasText: 'Rapport til regionrådet' }).waitFor();
    await expect(menuWords(page)).resolves.toEqual([
      'Oversikt',
      'Mål',
      'Tiltak',
      'Hvem gjør hva',
      'Nettverk og klynger',
      'Mine oppgaver',
      'Rapportering',
      'Rapport til regionrådet',
      'Import og eksport',
      'Perioder',
      'Endringsforslag',
    ]);
    await openAction(page, leadAction);
    await expect(page.getByRole('heading', { name: 'Oppdater status' }).count()).resolves.toBe(0);
    await expect(page.getByRole('form', { name: 'Legg til en aktør' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('lets a project lead update the actions their party leads, and only those', async () => {
    const page = await signInAs('leder@tiltak.test');
    await expect(menuWords(page)).resolves.toEqual([
      'Mine tiltak',
      'Oversikt',
      'Mål',
      'Tiltak',
      'Hvem gjør hva',
      'Nettverk og klynger',
      'Mine oppgaver',
      'Rapportering',
      'Import og eksport',
      'Perioder',
      'Endringsforslag',
    ]);

    await openAction(page, leadAction);
    await page.getByRole('heading', { name: 'Oppdater status' }).waitFor();
    await page.getByText(/prosjektleder: .+/).waitFor();
    await expect(page.getByRole('form', { name: 'Legg til en aktør' }).count()).resolves.toBe(0);

    await openAction(page, nesAction);
    await expect(page.getByRole('heading', { name: 'Oppdater status' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Marker som fullført|Gjenåpne/ }).count()).resolves.toBe(0);

    // The council report is not theirs: no menu item, and its address says so.
    await page.goto(`${product.tiltak.url}/council-report`);
    await page.getByText('Rapporten til regionrådet er ikke tilgjengelig for din rolle.').waitFor();
    await expect(navigation(page).filter({ hasText: 'Rapport til regionrådet' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('lets a coordinator assign parties to their municipality’s actions, and says why a second lead is refused', async () => {
    const page = await signInAs('koordinator.nes@tiltak.test');
    await openAction(page, nesAction);
    const addForm = page.getByRole('form', { name: 'Legg til en aktør' });
    await addForm.waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // Add a partner, strategically.
    const partySelect = addForm.getByLabel('Aktør');
    const partner = (await partySelect.locator('option:not([disabled])').first().innerText()).replace(/ \(.*\)$/, '');
    await partySelect.selectOption({ label: await partySelect.locator('option:not([disabled])').first().innerText() });
    await addForm.getByLabel('Rolle').selectOption('PARTNER');
    await addForm.getByLabel('Nivå').selectOption('STRATEGIC');
    await addForm.getByRole('button', { name: 'Legg til' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${partner} er lagt til i tiltaket.` })
      .waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `${partner}: Partner, strategisk` })
      .waitFor();

    // Make the partner operational.
    const row = page.getByRole('form', { name: `Rolle for ${partner}` });
    await row.getByLabel('Nivå').selectOption('OPERATIONAL');
    await row.getByRole('button', { name: 'Lagre rolle' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Rollen til ${partner} er lagret.` })
      .waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `${partner}: Partner, operativt` })
      .waitFor();

    // A second lead is the server's to refuse, and the page says why.
    await row.getByLabel('Rolle').selectOption('LEAD');
    await row.getByRole('button', { name: 'Lagre rolle' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Tiltaket har allerede en ansvarlig aktør. Gjør den til partner først.' })
      .waitFor();
    await screenshot(page, 'action-coordinator-1280');

    await row.getByRole('button', { name: 'Fjern' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${partner} er fjernet fra tiltaket.` })
      .waitFor();
    await expect(
      page
        .getByRole('listitem')
        .filter({ hasText: `${partner}:` })
        .count(),
    ).resolves.toBe(0);

    // Name the næringsråd's project lead on this action, which their party does not lead; then take them off.
    const naming = page.getByRole('form', { name: 'Gi en prosjektleder ansvar' });
    const leadOption = naming.getByRole('option', { name: /^Prosjektleder i næringsrådet/ });
    await naming.getByLabel('Prosjektleder').selectOption({ label: await leadOption.innerText() });
    await naming.getByRole('button', { name: 'Gi ansvar' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Prosjektleder i næringsrådet kan nå oppdatere tiltaket.' })
      .waitFor();
    await page.getByRole('button', { name: /^Fjern\W+Prosjektleder i næringsrådet$/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'er ikke lenger oppnevnt som prosjektleder for tiltaket.' })
      .waitFor();
    await page.getByText('Ingen er oppnevnt ennå.').waitFor();

    // Not their municipality: nothing to assign.
    await openAction(page, eidsvollAction);
    await expect(page.getByRole('form', { name: 'Legg til en aktør' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Lagre rolle' }).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('lets a coordinator add a partner with the keyboard only, with focus visible at every step', async () => {
    const page = await signInAs('koordinator.nes@tiltak.test');
    await openAction(page, nesAction);
    const addForm = page.getByRole('form', { name: 'Legg til en aktør' });
    await addForm.waitFor();
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        return {
          label: element.getAttribute('name') ?? element.textContent?.trim() ?? '',
          inAddForm: !!element.closest('form[aria-labelledby]:not(.involvements__edit)'),
          outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        };
      });

    // Tab from the top of the page to the add form's party choice; every stop shows where focus is.
    await page.locator('body').focus();
    let current = await focused();
    for (let stops = 0; !(current.inAddForm && current.label === 'party'); stops++) {
      if (stops > 150) throw new Error('The add form is not reachable with Tab');
      await page.keyboard.press('Tab');
      current = await focused();
      expect(current.outlined).toBe(true);
    }
    await page.keyboard.press('ArrowDown');
    const partner = (
      await addForm.getByLabel('Aktør').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)
    ).replace(/ \(.*\)$/, '');
    await page.keyboard.press('Tab'); // role: partner, as the action has its lead
    await page.keyboard.press('Tab'); // level: operational
    await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ label: 'Legg til', outlined: true });
    await page.keyboard.press('Enter');

    await page
      .getByRole('status')
      .filter({ hasText: `${partner} er lagt til i tiltaket.` })
      .waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: `${partner}: Partner, operativt` })
      .waitFor();
    await page.context().close();
  });

  it('lets a coordinator add a new local business as a party and correct it', async () => {
    const page = await signInAs('koordinator.nes@tiltak.test');
    await navigation(page).filter({ hasText: 'Hvem gjør hva' }).click();
    const form = page.getByRole('form', { name: 'Ny aktør' });
    // The API lets a coordinator give a party only their own municipality as its home. The choices
    // come with the API's answer, so wait for one before reading them all.
    const homes = form.getByLabel('Hjemkommune').locator('option');
    await homes.first().waitFor({ state: 'attached' });
    await expect(homes.allInnerTexts()).resolves.toEqual(['Nes']);
    await form.getByLabel('Navn').fill('Nes Bryggeri AS');
    await form.getByLabel('Aktørtype').selectOption('BUSINESS');
    await form.getByLabel('Hjemkommune').selectOption({ label: 'Nes' });
    await form.getByLabel('Nettsted').fill('ikke en adresse');
    await form.getByRole('button', { name: 'Opprett aktør' }).click();
    // The browser's own check stops a malformed address before it is sent.
    await expect(form.getByLabel('Nettsted').evaluate((input: HTMLInputElement) => input.validity.valid)).resolves.toBe(
      false,
    );
    await form.getByLabel('Nettsted').fill('https://nesbryggeri.example');
    await form.getByRole('button', { name: 'Opprett aktør' }).click();
    await page.getByRole('status').filter({ hasText: 'Nes Bryggeri AS er opprettet.' }).waitFor();
    await page.getByRole('link', { name: 'Åpne aktøren' }).click();

    await page.getByRole('heading', { level: 1, name: 'Nes Bryggeri AS' }).waitFor();
    await page.getByRole('button', { name: 'Endre aktøren' }).click();
    const edit = page.getByRole('form', { name: 'Endre Nes Bryggeri AS' });
    await edit.getByLabel('Kontaktperson', { exact: true }).fill('Kari Brygg');
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByRole('status').filter({ hasText: 'Endringene for Nes Bryggeri AS er lagret.' }).waitFor();
    await page.getByText('Kari Brygg').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    const brewery = page.url();

    // Another municipality's party: its contact is theirs to change, not Nes's.
    await page.goto(`${product.tiltak.url}/parties`);
    await page.getByRole('link', { name: 'Eidsvoll kommune, næringsavdelingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Eidsvoll kommune, næringsavdelingen' }).waitFor();
    await expect(page.getByRole('button', { name: 'Endre aktøren' }).count()).resolves.toBe(0);

    // The council sees the party but no way to change it.
    const council = await signInAs('rad@tiltak.test');
    await council.goto(brewery);
    await council.getByRole('heading', { level: 1, name: 'Nes Bryggeri AS' }).waitFor();
    await expect(council.getByRole('button', { name: 'Endre aktøren' }).count()).resolves.toBe(0);
    await council.goto(`${product.tiltak.url}/parties`);
    await council.getByRole('table', { name: 'Aktørenes roller per satsingsområde' }).waitFor();
    await expect(council.getByRole('form', { name: 'Ny aktør' }).count()).resolves.toBe(0);
    await council.context().close();
    await page.context().close();
  });

  it('lets an admin add a project lead, and end their access', async () => {
    const page = await signInAs('admin@tiltak.test');
    await navigation(page).filter({ hasText: 'Brukere' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brukere' }).waitFor();
    await page
      .getByRole('rowheader', { name: 'Regionrådet' })
      .or(page.getByRole('cell', { name: 'rad@tiltak.test' }))
      .first()
      .waitFor();

    const form = page.getByRole('form', { name: 'Ny bruker' });
    await form.getByLabel('Navn').fill('Ola Prosjekt');
    await form.getByLabel('E-postadresse').fill('ola.prosjekt@tiltak.test');
    await form.getByLabel('Rolle').selectOption('PROJECT_LEAD');
    await form.getByLabel('Aktør').selectOption({ index: 1 });
    await form.getByLabel(/Passord/).fill('et-langt-passord');
    await form.getByRole('button', { name: 'Opprett bruker' }).click();
    await page.getByRole('status').filter({ hasText: 'Ola Prosjekt er opprettet.' }).waitFor();
    await page.getByRole('rowheader', { name: 'Ola Prosjekt' }).waitFor();
    await expect(signIn(product.tiltak.url, 'ola.prosjekt@tiltak.test', 'et-langt-passord')).resolves.toBeTruthy();

    // The same address again is refused, with the reason beside the form.
    await form.getByLabel('Navn').fill('Ola igjen');
    await form.getByLabel('E-postadresse').fill('ola.prosjekt@tiltak.test');
    await form.getByRole('button', { name: 'Opprett bruker' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'Det finnes allerede en bruker med denne e-postadressen.' })
      .waitFor();
    await expect(form.getByLabel('E-postadresse').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'users-1280');

    await page.getByRole('button', { name: /^Endre\W+Ola Prosjekt$/ }).click();
    const edit = page.getByRole('form', { name: 'Endre Ola Prosjekt' });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Endre Ola Prosjekt');
    await edit.getByRole('checkbox', { name: /Aktiv/ }).uncheck();
    await edit.getByRole('button', { name: 'Lagre endringene' }).click();
    await page.getByRole('status').filter({ hasText: 'Endringene for Ola Prosjekt er lagret.' }).waitFor();
    await page.getByRole('row', { name: /Ola Prosjekt.*Deaktivert/ }).waitFor();
    await expect(signIn(product.tiltak.url, 'ola.prosjekt@tiltak.test', 'et-langt-passord')).rejects.toThrow(
      /Could not sign in/,
    );

    // The audit log says what just happened, in words, reached with the keyboard from the users page.
    const toLog = page.getByRole('link', { name: 'Revisjonslogg for brukerkontoer' });
    await toLog.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Revisjonslogg' }).waitFor();
    const log = page.getByRole('table', { name: /hendelser i loggen/ });
    await log
      .getByRole('row', { name: /Konto deaktivert.*Vellykket.*ola\.prosjekt@tiltak\.test.*admin@tiltak\.test/ })
      .waitFor();
    await log
      .getByRole('row', { name: /Mislykket innlogging.*Feil e-postadresse eller passord.*ola\.prosjekt/ })
      .waitFor();
    await log.getByRole('row', { name: /Bruker opprettet.*ola\.prosjekt@tiltak\.test/ }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'audit-log-1280');
    await page.context().close();

    const coordinator = await signInAs('koordinator.nes@tiltak.test');
    await coordinator.goto(`${product.tiltak.url}/users/audit`);
    await coordinator.getByText('Bare administratorer kan lese revisjonsloggen.').waitFor();
    await coordinator.context().close();
  });
});
