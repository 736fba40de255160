import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOGUES, type Locale } from './translate';

const glossary = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../../../docs/glossary.md'), 'utf8');

const COLUMN_LOCALES: Record<string, Locale> = { Bokmål: 'nb', Nynorsk: 'nn', English: 'en' };

/** Each table row that names a key: the key and the word the glossary gives it in each language. */
function glossaryWords(): { key: string; locale: Locale; word: string }[] {
  const words: { key: string; locale: Locale; word: string }[] = [];
  let header: string[] = [];
  for (const line of glossary.split('\n')) {
    if (!line.startsWith('|')) {
      header = [];
      continue;
    }
    const cells = line
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim());
    if (header.length === 0) {
      header = cells;
      continue;
    }
    const key = /^`([\w.]+)`$/.exec(cells.at(-1) ?? '')?.[1];
    if (!key) continue;
    header.forEach((column, index) => {
      const locale = COLUMN_LOCALES[column];
      if (locale) words.push({ key, locale, word: cells[index] });
    });
  }
  return words;
}

/**
 * The "Avoid" column of the words Tiltak avoids, as words to look for in the Norwegian texts. A word
 * avoided only in one sense ("Avvist (of a decision)") is left to the reader: a search cannot tell.
 */
function avoidedWords(): string[] {
  const section = glossary.split('## Words Tiltak avoids')[1] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.startsWith('| Avoid') && !line.startsWith('| --'))
    .map((line) => line.split('|')[1].trim())
    .filter((word) => !word.includes('('));
}

describe('the glossary', () => {
  it('gives each key the word the interface shows', () => {
    const words = glossaryWords();
    const differing = words.filter(
      ({ key, locale, word }) =>
        (CATALOGUES[locale] as Record<string, string>)[key]?.toLowerCase() !== word.toLowerCase(),
    );

    expect(words.length).toBeGreaterThan(40);
    expect(differing).toEqual([]);
  });

  it('keeps the words it avoids out of the bokmål and nynorsk texts', () => {
    const avoided = avoidedWords();
    const found = (['nb', 'nn'] as const).flatMap((locale) =>
      Object.entries(CATALOGUES[locale] as Record<string, string>).flatMap(([key, text]) =>
        avoided
          .filter((word) => new RegExp(`(^|[^\\p{L}])${word}($|[^\\p{L}])`, 'iu').test(text))
          .map((word) => `${locale} ${key}: ${word}`),
      ),
    );

    expect(avoided).toContain('Helse');
    expect(found).toEqual([]);
  });
});
