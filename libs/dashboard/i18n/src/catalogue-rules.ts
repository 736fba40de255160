import {
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  type MessageFormatElement,
  parse,
} from '@formatjs/icu-messageformat-parser';

/**
 * The rules every language's catalogue must keep, checked by the tests (not at run time, where the
 * parser is not worth its weight): the same keys as the reference language, every text an ICU
 * string, the same placeholders of the same kinds, and a number shown with a word always in plural
 * forms, one for each plural category the language has.
 */
export function catalogueProblems(
  catalogues: Record<string, Record<string, unknown>>,
  localeTags: Record<string, string>,
  reference: string,
): string[] {
  const problems: string[] = [];
  const referenceKeys = Object.keys(catalogues[reference] ?? {});
  const describe = (shape: Map<string, string>) =>
    [...shape]
      .map(([name, kind]) => `${name}:${kind}`)
      .sort()
      .join(' ') || 'none';
  const shapes: Record<string, Map<string, string>> = {};

  for (const [locale, catalogue] of Object.entries(catalogues)) {
    for (const key of referenceKeys) if (!(key in catalogue)) problems.push(`${locale} ${key}: missing`);
    for (const key of Object.keys(catalogue)) {
      if (!referenceKeys.includes(key)) problems.push(`${locale} ${key}: not in ${reference}`);
    }
    const categories = new Intl.PluralRules(localeTags[locale]).resolvedOptions().pluralCategories as string[];
    for (const [key, message] of Object.entries(catalogue)) {
      if (typeof message !== 'string') {
        problems.push(`${locale} ${key}: not an ICU string (the old { one, other } form?)`);
        continue;
      }
      let elements: MessageFormatElement[];
      try {
        elements = parse(message, { ignoreTag: true, requiresOtherClause: true });
      } catch (error) {
        problems.push(`${locale} ${key}: does not parse (${(error as Error).message})`);
        continue;
      }
      const shape = new Map<string, string>();
      walk(elements, { locale, key, categories, shape, problems, plurals: [] });
      shapes[`${locale} ${key}`] = shape;
    }
  }

  for (const locale of Object.keys(catalogues)) {
    for (const key of referenceKeys) {
      const expected = shapes[`${reference} ${key}`];
      const shape = shapes[`${locale} ${key}`];
      if (expected && shape && describe(shape) !== describe(expected)) {
        problems.push(
          `${locale} ${key}: placeholders ${describe(shape)} differ from ${reference}'s ${describe(expected)}`,
        );
      }
    }
  }
  return problems;
}

interface Walk {
  locale: string;
  key: string;
  categories: string[];
  /** Each placeholder's kind: plain, number, plural, select (with its choices), date or time. */
  shape: Map<string, string>;
  problems: string[];
  /** The plurals the walk is inside, whose own number is written `#`. */
  plurals: string[];
}

function walk(elements: MessageFormatElement[], at: Walk): void {
  const where = `${at.locale} ${at.key}`;
  elements.forEach((element, index) => {
    if (isArgumentElement(element) || isNumberElement(element)) {
      if (element.value === 'count') {
        at.problems.push(`${where}: {count} without plural forms; write {count, plural, …}`);
      } else if (at.plurals.includes(element.value)) {
        at.problems.push(`${where}: {${element.value}} inside its own plural; write # for the number`);
      }
      const next = elements[index + 1];
      if (isNumberElement(element) && next && isLiteralElement(next) && /^\s*\p{L}/u.test(next.value)) {
        at.problems.push(`${where}: {${element.value}, number} is followed by a word; give the word plural forms`);
      }
      at.shape.set(element.value, isNumberElement(element) ? 'number' : 'plain');
    } else if (isDateElement(element) || isTimeElement(element)) {
      at.shape.set(element.value, isDateElement(element) ? 'date' : 'time');
    } else if (isPluralElement(element)) {
      const forms = Object.keys(element.options).filter((form) => !form.startsWith('='));
      const missing = at.categories.filter((category) => !forms.includes(category));
      const foreign = forms.filter((form) => !at.categories.includes(form));
      if (at.categories.length > 0 && (missing.length > 0 || foreign.length > 0)) {
        at.problems.push(
          `${where}: plural of {${element.value}} has forms ${forms.join(', ')}; ${at.locale} needs ${at.categories.join(', ')}`,
        );
      }
      at.shape.set(element.value, element.pluralType === 'ordinal' ? 'ordinal' : 'plural');
      for (const option of Object.values(element.options)) {
        walk(option.value, { ...at, plurals: [...at.plurals, element.value] });
      }
    } else if (isSelectElement(element)) {
      at.shape.set(element.value, `select(${Object.keys(element.options).sort().join('|')})`);
      for (const option of Object.values(element.options)) walk(option.value, at);
    } else if (isTagElement(element)) {
      walk(element.children, at);
    }
  });
}
