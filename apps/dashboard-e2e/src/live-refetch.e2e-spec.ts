import type { Page } from 'playwright-core';
import { graphqlAs, productInBrowser } from './support/product';
import { signIn } from './support/built-tiltak';

/** The GraphQL operations a page sends over HTTP, by name, in order; empty the array to start counting afresh. */
function operationsSentBy(page: Page): string[] {
  const names: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !new URL(request.url()).pathname.endsWith('/graphql')) return;
    names.push((request.postDataJSON() as { operationName?: string } | null)?.operationName ?? '(unnamed)');
  });
  return names;
}

/** What the page's live connection has sent and received, as raw frames. */
function liveFramesOf(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/graphql')) return;
    socket.on('framesent', ({ payload }) => void frames.push(String(payload)));
    socket.on('framereceived', ({ payload }) => void frames.push(String(payload)));
  });
  return frames;
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the page has sent nothing new for `quietMs`. Proving that nothing is sent takes a
 * window of time; it starts after the live change has arrived and spans the 200 ms batch.
 */
async function quiet(sent: string[], quietMs = 1_000): Promise<void> {
  let seen = -1;
  while (seen !== sent.length) {
    seen = sent.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

interface Watched {
  page: Page;
  sent: string[];
  frames: string[];
}

describe('live updates without refetching the world', () => {
  const product = productInBrowser();
  let actionId: string;

  const open = async (email: string, path: string, ready: string): Promise<Watched> => {
    const context = await product.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const sent = operationsSentBy(page);
    const frames = liveFramesOf(page);
    await page.goto(product.tiltak.url);
    await page.getByLabel('E-postadresse').fill(email);
    await page.getByLabel('Passord').fill('tiltak-demo');
    await page.getByRole('button', { name: 'Logg inn' }).click();
    // A project lead lands on their own actions, everyone else on the overview.
    await page.getByRole('heading', { level: 1, name: /Handlingsprogram|Mine tiltak/ }).waitFor();
    if (path !== '/') await page.goto(`${product.tiltak.url}${path}`);
    await page.getByRole('heading', { name: ready }).first().waitFor();
    // Subscribed: the connection is accepted and the page has asked for the feed.
    await until(
      () => frames.some((frame) => frame.includes('"type":"subscribe"')),
      `${email}'s live feed (frames ${frames.join(' ').slice(0, 2_000)})`,
    );
    await quiet(sent, 500);
    return { page, sent, frames };
  };

  const received = (watched: Watched, entity: string) =>
    until(
      () => watched.frames.some((frame) => frame.includes(`"entity":"${entity}"`) && frame.includes(actionId)),
      `the ${entity} change`,
    );

  beforeAll(async () => {
    // Fixture: an action under way that the project lead's party leads, so the lead may update it.
    const ask = graphqlAs(product.tiltak.url, await signIn(product.tiltak.url, 'leder@tiltak.test'));
    const { me } = await ask<{ me: { partyId: string } }>('{ me { partyId } }');
    const { actions } = await ask<{
      actions: { edges: { node: { id: string; status: string; lead: { party: { id: string } } | null } }[] };
    }>(
      'query($p: ID!) { actions(first: 100, filter: { partyIds: [$p] }) { edges { node { id status lead { party { id } } } } } }',
      {
        p: me.partyId,
      },
    );
    actionId = actions.edges
      .map((e) => e.node)
      .find((a) => a.lead?.party.id === me.partyId && a.status === 'IN_PROGRESS')!.id;
  });

  it('takes a status update from the live change itself: roll-ups on the overview, the history on the action page, nothing on the author’s page', async () => {
    // Ready when its last part has come: what changed since the last council report.
    const overview = await open('rad@tiltak.test', '/', 'Siden forrige rapport til regionrådet');
    const actionPage = await open('rad@tiltak.test', `/actions/${actionId}`, 'Historikk');
    const author = await open('leder@tiltak.test', `/actions/${actionId}`, 'Oppdater status');
    for (const watched of [overview, actionPage, author]) watched.sent.length = 0;

    await author.page.getByLabel('Status', { exact: true }).selectOption('ON_HOLD');
    await author.page.getByLabel('Kommentar').fill('Venter på budsjettvedtak');
    await author.page.getByRole('button', { name: 'Lagre oppdateringen' }).click();
    await author.page.getByRole('status').filter({ hasText: 'Oppdateringen er lagret.' }).waitFor();

    // The council's action page shows the new status and the new history entry, without a reload.
    await actionPage.page.getByText('Venter på budsjettvedtak').waitFor();
    await actionPage.page.locator('.action__figures').filter({ hasText: 'På vent' }).waitFor();
    for (const watched of [overview, actionPage, author]) {
      await received(watched, 'status_update');
      await quiet(watched.sent);
    }

    process.stdout.write(
      `GraphQL operations after one status update: overview ${JSON.stringify(overview.sent)}, ` +
        `action page ${JSON.stringify(actionPage.sent)}, author ${JSON.stringify(author.sent)}\n`,
    );
    // The roll-ups, and the council's "since the last council report", which a status change moves.
    expect([...overview.sent].sort()).toEqual([
      'ChangesSinceLastCouncilReport',
      'ProgressOverview',
      'RecentChanges',
      'Watchlist',
    ]);
    expect(actionPage.sent).toEqual(['ActionHistory']);
    expect(author.sent).toEqual(['UpdateActionStatus']);
    for (const watched of [overview, actionPage, author]) await watched.page.context().close();
  });
});
