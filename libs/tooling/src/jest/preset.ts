import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from 'jest';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Jest resolves the workspace's `@tiltak/*` imports the way TypeScript does: from tsconfig.base.json. */
function moduleNameMapperFromTsconfig(): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(resolve(workspaceRoot, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { paths: Record<string, string[]> };
  };
  return Object.fromEntries(
    Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
      `^${alias.replace('/', '\\/')}$`,
      resolve(workspaceRoot, target),
    ]),
  );
}

/**
 * NestJS 12 ships ES modules that jest's CommonJS runtime cannot load, so every project runs
 * as native ESM (`--experimental-vm-modules`, set by `npm test`). swc compiles TypeScript with
 * the decorator metadata that NestJS, GraphQL code-first and TypeORM read at run time.
 */
export function jestProject(
  displayName: string,
  { database = false, ...overrides }: Config & { database?: boolean } = {},
): Config {
  return {
    displayName,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.spec.ts?(x)', '<rootDir>/src/**/*.int-spec.ts'],
    // One PostgreSQL and one migrated template for the whole run, shared by every project that
    // needs a database; jest runs a global setup module once however many projects name it.
    ...(database && {
      globalSetup: resolve(workspaceRoot, 'libs/api/data-access/src/testing/global-setup.ts'),
      globalTeardown: resolve(workspaceRoot, 'libs/api/data-access/src/testing/global-teardown.ts'),
    }),
    extensionsToTreatAsEsm: ['.ts', '.tsx'],
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
    moduleNameMapper: moduleNameMapperFromTsconfig(),
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', tsx: true, decorators: true },
            transform: {
              legacyDecorator: true,
              decoratorMetadata: true,
              react: { runtime: 'automatic' },
            },
          },
          module: { type: 'es6' },
        },
      ],
    },
    ...overrides,
  };
}
