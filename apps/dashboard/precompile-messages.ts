import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';

/** The dashboard's message catalogues, one module per language, each exporting a const named after it. */
const CATALOGUE = /\/libs\/dashboard\/i18n\/src\/messages\.(\w+)\.ts$/;

/**
 * Parses the ICU messages once, at build time, so that the browser receives them ready to format
 * and never loads the message parser: the first page is several kB (gzipped) lighter and formats
 * its first texts without parsing them. Development and the unit tests parse at run time, as
 * intl-messageformat formats either.
 */
export function precompileMessages(): Plugin {
  return {
    name: 'tiltak-precompile-messages',
    apply: 'build',
    // After TypeScript is stripped, so that the module can be loaded as it is.
    enforce: 'post',
    config: () => ({
      resolve: {
        alias: [
          {
            find: /^@formatjs\/icu-messageformat-parser$/,
            replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
          },
        ],
      },
    }),
    async transform(code, id) {
      const locale = CATALOGUE.exec(id)?.[1];
      if (!locale) return null;
      // The catalogue imports nothing at run time; loading it gives the texts exactly as written.
      const catalogue = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<
        string,
        Record<string, string>
      >;
      const parsed = Object.fromEntries(
        Object.entries(catalogue[locale]).map(([key, message]) => [key, parse(message, { ignoreTag: true })]),
      );
      return { code: `export const ${locale} = ${JSON.stringify(parsed)};\n`, map: null };
    },
  };
}
