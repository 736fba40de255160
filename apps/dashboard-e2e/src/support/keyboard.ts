import type { Page } from 'playwright-core';

/** The element that has focus, as a reader would name it: its tag, and its text or label. */
export function focused(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return { tag: 'none', text: '' };
    const label = active.getAttribute('aria-label') ?? (active as HTMLElement).innerText ?? '';
    return { tag: active.tagName.toLowerCase(), text: label.replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab until `reached` holds for the focused element, and returns how many presses it took. */
export async function tabUntil(page: Page, reached: (page: Page) => Promise<boolean>, limit = 100): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await reached(page)) return presses;
  }
  throw new Error(`Still not there after ${limit} presses of Tab; focus is on ${JSON.stringify(await focused(page))}`);
}

/**
 * Every visible link and button whose accessible name (as Chromium computes it for screen readers)
 * leaves out some of the text it shows, as "shown text → name" lines. Whitespace is ignored: only
 * missing words count. Signs hidden from screen readers on purpose (aria-hidden, such as the ✕ before
 * "utenfor kurs", which the words already say) are not text the name must carry.
 */
export async function namesMissingVisibleText(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number; ignored: boolean }[];
    };
    const controls = nodes.filter(
      (node) => !node.ignored && node.backendDOMNodeId && ['link', 'button'].includes(node.role?.value ?? ''),
    );
    if (controls.length === 0) throw new Error('no links or buttons on the page');
    const problems: string[] = [];
    for (const node of controls) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      const shown = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () {
          if (!this.checkVisibility()) return null;
          const hidden = [...this.querySelectorAll('[aria-hidden="true"]')];
          const before = hidden.map((element) => element.style.display);
          hidden.forEach((element) => (element.style.display = 'none'));
          const text = this.innerText;
          hidden.forEach((element, index) => (element.style.display = before[index]));
          return text;
        }`,
        returnByValue: true,
      })) as { result: { value: string | null } };
      const text = shown.result.value;
      const name = node.name?.value ?? '';
      const squeeze = (value: string) => value.replace(/\s+/g, '');
      if (text !== null && !squeeze(name).includes(squeeze(text))) {
        problems.push(`${text.replace(/\s+/g, ' ').trim()} → ${name}`);
      }
    }
    return problems;
  } finally {
    await cdp.detach();
  }
}

/**
 * The page's visible headings as "h2 Title" lines, and what is wrong with their outline: not
 * exactly one h1, or a level skipped on the way down (an h2 followed by an h4).
 */
export function headingProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.checkVisibility());
    const levels = headings.map((h) => Number(h.tagName[1]));
    const problems: string[] = [];
    const ones = levels.filter((level) => level === 1).length;
    if (ones !== 1) problems.push(`${ones} h1 elements`);
    levels.forEach((level, index) => {
      const before = index === 0 ? 0 : levels[index - 1];
      if (level > before + 1) {
        problems.push(`h${level} "${(headings[index] as HTMLElement).innerText}" after h${before}`);
      }
    });
    if (levels[0] !== 1) problems.push('the first heading is not the h1');
    return problems;
  });
}
