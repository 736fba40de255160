import { ESLint } from 'eslint';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Lints a would-be file with the workspace's real config, keeping only the boundary rule. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: workspaceRoot,
    ruleFilter: ({ ruleId }) => ruleId === '@nx/enforce-module-boundaries',
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: false } } },
  });
  const [result] = await eslint.lintText(code, { filePath: resolve(workspaceRoot, filePath) });
  return result.messages.map((message) => `${message.severity === 2 ? 'error' : 'warning'}: ${message.message}`);
}

describe('module boundaries', () => {
  it('refuse a dashboard import of server code', async () => {
    const errors = await boundaryErrors(
      'libs/dashboard/overview/src/leak.tsx',
      `import { ProgrammeRepository } from '@tiltak/api-data-access';\nexport const leak = ProgrammeRepository;\n`,
    );

    expect(errors).toEqual([expect.stringMatching(/^error: .*scope:dashboard.* can only depend on/)]);
  });

  it('refuse a framework import in the shared domain library', async () => {
    const errors = await boundaryErrors(
      'libs/domain/src/lib/leak.ts',
      `import { Injectable } from '@nestjs/common';\nexport const leak = Injectable;\n`,
    );

    expect(errors).toEqual([
      expect.stringMatching(/^error: .*"scope:shared" is not allowed to import "@nestjs\/common"/),
    ]);
  });

  it('let a dashboard feature use the shared domain library', async () => {
    const errors = await boundaryErrors(
      'libs/dashboard/overview/src/fine.tsx',
      `import { formatPeriod } from '@tiltak/domain';\nexport const fine = formatPeriod;\n`,
    );

    expect(errors).toEqual([]);
  });
});
