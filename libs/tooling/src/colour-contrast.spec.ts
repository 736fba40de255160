import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const STYLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../apps/dashboard/src/styles.css');

/** The colour tokens of the dashboard's `:root`, as written there (six-digit hex only). */
function readColourTokens(css: string): Map<string, string> {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  return new Map([...root.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map(([, name, hex]) => [name, hex]));
}

/** WCAG 2.1 relative luminance of an sRGB colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio, from 1 (none) to 21 (black on white). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

const TINTS = ['paper', 'surface', 'brand-tint', 'changed-tint', 'danger-tint'];
const HEALTHS = ['on-track', 'at-risk', 'off-track'];

/** Text in body size: 4.5:1 (WCAG 1.4.3). [text, background] */
const TEXT: [string, string][] = [
  ...TINTS.map((background): [string, string] => ['ink', background]),
  ...HEALTHS.map((health): [string, string] => ['ink', `${health}-tint`]),
  ['ink-muted', 'paper'],
  ['ink-muted', 'surface'],
  ['brand', 'paper'],
  ['brand', 'surface'],
  ['brand', 'brand-tint'],
  ['brand-strong', 'paper'],
  ['paper', 'brand'],
  ['paper', 'brand-strong'],
  ['danger', 'paper'],
  ['danger', 'danger-tint'],
  ['danger-strong', 'danger-tint'],
  ...HEALTHS.flatMap((health): [string, string][] => [
    [health, 'paper'],
    [health, 'surface'],
    [health, `${health}-tint`],
  ]),
];

/** Large text, the focus ring, control borders, chart marks and health marks: 3:1 (WCAG 1.4.11). */
const NON_TEXT: [string, string][] = [
  ['control-border', 'paper'],
  ['focus', 'paper'],
  ['focus', 'surface'],
  ['focus', 'changed-tint'],
  ['focus-on-brand', 'brand'],
  ['changed', 'changed-tint'],
  ['chart-value', 'paper'],
  ['chart-baseline', 'paper'],
  ['chart-target', 'paper'],
  ...HEALTHS.flatMap((health): [string, string][] => [
    [health, 'paper'],
    [health, 'surface'],
  ]),
];

describe('the dashboard’s colour tokens', () => {
  const tokens = readColourTokens(readFileSync(STYLES, 'utf8'));
  const colour = (name: string) => {
    const hex = tokens.get(name);
    if (!hex) throw new Error(`styles.css has no colour token --${name}`);
    return hex;
  };

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    // The classic boundary: #767676 on white just passes 4.5:1, #777777 just fails.
    expect(contrast('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it.each(TEXT)('text --%s on --%s reaches 4.5:1', (text, background) => {
    expect(contrast(colour(text), colour(background))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT)('--%s against --%s reaches 3:1', (mark, background) => {
    expect(contrast(colour(mark), colour(background))).toBeGreaterThanOrEqual(3);
  });

  it('keeps the focus ring apart from the live-change marker and from every health colour', () => {
    for (const other of ['changed', ...HEALTHS]) expect(colour('focus')).not.toBe(colour(other));
  });
});
