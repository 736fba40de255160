// Bundles the API and its command-line tool into dist/apps/api. esbuild resolves the workspace's
// `@tiltak/*` paths and leaves node_modules outside the bundle; swc compiles the TypeScript, because
// NestJS, GraphQL code-first and TypeORM read decorator metadata that esbuild does not emit.
import { transform } from '@swc/core';
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const decoratorMetadata = {
  name: 'swc-decorator-metadata',
  setup(esbuildApi) {
    esbuildApi.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const { code, map } = await transform(source, {
        filename: path,
        sourceMaps: 'inline',
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          keepClassNames: true,
        },
      });
      return { contents: map ? `${code}\n//# sourceMappingURL=${map}` : code, loader: 'js' };
    });
  },
};

await build({
  absWorkingDir: root,
  entryPoints: { main: 'apps/api/src/main.ts', cli: 'apps/api/src/cli.ts' },
  outdir: 'dist/apps/api',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  tsconfig: 'tsconfig.base.json',
  sourcemap: true,
  keepNames: true,
  logLevel: 'warning',
  plugins: [decoratorMetadata],
});
