import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text compresses well; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(?:js|css|svg|json|txt)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside each hashed asset, at the highest levels,
 * once per build, so the API sends them as they are instead of compressing on every request.
 * A copy that would not be smaller is left out.
 */
export function precompress(): Plugin {
  return {
    name: 'tiltak-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      const assets = Object.keys(bundle).filter((file) => file.startsWith('assets/') && COMPRESSIBLE.test(file));
      await Promise.all(
        assets.map(async (file) => {
          const path = join(dir, file);
          const content = await readFile(path);
          const copies = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }).then((data) => ({ data, suffix: '.br' })),
            gzipped(content, { level: constants.Z_BEST_COMPRESSION }).then((data) => ({ data, suffix: '.gz' })),
          ]);
          await Promise.all(
            copies
              .filter((copy) => copy.data.length < content.length)
              .map((copy) => writeFile(path + copy.suffix, copy.data)),
          );
        }),
      );
    },
  };
}
