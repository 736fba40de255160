// `npm run lighthouse`: builds Tiltak, starts it as production runs it, with the demo programme,
// and has Lighthouse score the page a signed-out visitor opens first. Prints performance,
// accessibility and best practices, and fails below 0.9, 1 and 1. Not part of `npm test`: a score
// depends on the machine as much as on Tiltak.
//
//   DATABASE_URL=postgres://… npm run lighthouse [-- --runs 3]
//
// DATABASE_URL names an empty database (or one holding the demo programme). Chromium comes from
// CHROME_PATH (Debian's /usr/bin/chromium unless set); Lighthouse itself is fetched by npx.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const LIGHTHOUSE = 'lighthouse@12.8.2';
const TARGETS = { performance: 0.9, accessibility: 1, 'best-practices': 1 };
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const runs = Number(values.runs);

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to an empty PostgreSQL database: production mode runs on a database server.');
  process.exit(2);
}

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dashboard', '--output-style=static'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const port = await freePort();
const url = `http://localhost:${port}/`;
const tiltak = spawn(process.execPath, ['dist/apps/api/main.mjs'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    NODE_ENV: 'production',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    DEMO_DATA: 'always',
    PUBLIC_DASHBOARD: 'true',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  },
});
const stopTiltak = () => tiltak.exitCode === null && tiltak.kill('SIGTERM');
process.on('exit', stopTiltak);

const outDir = mkdtempSync(join(tmpdir(), 'tiltak-lighthouse-'));
let failed = false;
try {
  await waitForHealth(`http://localhost:${port}/health`);
  const reports = [];
  for (let run = 1; run <= runs; run++) reports.push(audit(join(outDir, `run-${run}.json`)));
  // The median run by performance, as Lighthouse's own advice on variance suggests.
  reports.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
  const median = reports[Math.floor(reports.length / 2)];
  console.log(`\nLighthouse ${LIGHTHOUSE.split('@')[1]} on ${url} (${runs === 1 ? 'one run' : `median of ${runs}`}):`);
  for (const [id, target] of Object.entries(TARGETS)) {
    const { score } = median.categories[id];
    const all = runs > 1 ? ` (runs: ${reports.map((r) => r.categories[id].score).join(', ')})` : '';
    console.log(`  ${id.padEnd(15)} ${score.toFixed(2)}  target ≥ ${target}${score < target ? '  BELOW' : ''}${all}`);
    failed ||= score < target;
  }
  const metrics = [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
  ];
  console.log(`  ${metrics.map((id) => `${id.replace(/-/g, ' ')} ${median.audits[id].displayValue}`).join(', ')}`);
} finally {
  stopTiltak();
  rmSync(outDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);

function audit(outputPath) {
  const result = spawnSync(
    'npx',
    [
      '-y',
      LIGHTHOUSE,
      url,
      `--chrome-flags=${CHROME_FLAGS}`,
      '--only-categories=performance,accessibility,best-practices',
      '--output=json',
      `--output-path=${outputPath}`,
      '--quiet',
    ],
    { cwd: root, stdio: 'inherit', env: { CHROME_PATH: '/usr/bin/chromium', ...process.env } },
  );
  if (result.status !== 0) throw new Error(`Lighthouse failed (exit ${result.status})`);
  return JSON.parse(readFileSync(outputPath, 'utf8'));
}

async function waitForHealth(healthUrl) {
  const deadline = Date.now() + 60_000;
  while (
    !(await fetch(healthUrl).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (tiltak.exitCode !== null) throw new Error('Tiltak stopped during start-up');
    if (Date.now() > deadline) throw new Error('Tiltak did not answer /health within 60 seconds');
    await new Promise((r) => setTimeout(r, 250));
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolvePort(free));
    });
  });
}
