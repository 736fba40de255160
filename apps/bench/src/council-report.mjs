// `npm run council-report`: makes the demo programme's council report with the production build,
// prints how long each format takes over HTTP, and writes the PDF's first pages as small PNG images
// to docs/council-report/ for the README (pdftoppm, from Debian's poppler-utils).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshDatabase, startNode, stop } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/tiltak_council_report';
const AUTH_SECRET = 'benchmark-secret-that-is-at-least-thirty-two-characters';
const REPETITIONS = 5;
const PAGES = 4;
const pictures = join(root, 'docs/council-report');

const now = () => Number(process.hrtime.bigint() / 1000n) / 1000;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function graphql(url, token, query, variables = {}) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Downloads one report and says how long it took from the request to the last byte. */
async function download(url, token, snapshotId, format, lang) {
  const started = now();
  const response = await fetch(`${url}/documents/council-report/${snapshotId}?format=${format}&lang=${lang}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`${format}/${lang}: HTTP ${response.status} ${await response.text()}`);
  const body = Buffer.from(await response.arrayBuffer());
  return { body, ms: now() - started };
}

async function main() {
  execFileSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: 'ignore' });
  await freshDatabase(DATABASE_URL);
  const port = 3900 + Math.floor(Math.random() * 90);
  const api = await startNode(
    join(root, 'dist/apps/api/main.mjs'),
    [],
    {
      NODE_ENV: 'production',
      DATABASE_URL,
      AUTH_SECRET,
      DEMO_DATA: 'always',
      PORT: String(port),
      LOG_LEVEL: 'log',
      NODE_OPTIONS: '',
    },
    /Tiltak is running at/,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const { login } = await graphql(
      url,
      null,
      'mutation { login(email: "admin@tiltak.test", password: "tiltak-demo") { accessToken } }',
    );
    const token = login.accessToken;
    const { takeCouncilSnapshot } = await graphql(
      url,
      token,
      'mutation { takeCouncilSnapshot(title: "Regionrådets møte") { id actionCount } }',
    );
    const { id, actionCount } = takeCouncilSnapshot;
    console.log(`Council report of the demo programme (${actionCount} actions), ${REPETITIONS} runs after one warm-up`);
    let pdf;
    for (const [format, lang] of [
      ['pdf', 'nb'],
      ['docx', 'nb'],
      ['pdf', 'en'],
      ['docx', 'en'],
    ]) {
      const first = await download(url, token, id, format, lang);
      if (format === 'pdf' && lang === 'nb') pdf = first.body;
      const times = [];
      for (let run = 0; run < REPETITIONS; run++) times.push((await download(url, token, id, format, lang)).ms);
      console.log(
        `${format.toUpperCase()} ${lang}: median ${median(times).toFixed(0)} ms (min–max ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} ms), ${(first.body.length / 1024).toFixed(0)} KiB`,
      );
    }
    const folder = mkdtempSync(join(tmpdir(), 'council-report-'));
    try {
      writeFileSync(join(folder, 'report.pdf'), pdf);
      rmSync(pictures, { recursive: true, force: true });
      mkdirSync(pictures, { recursive: true });
      execFileSync('pdftoppm', [
        '-r',
        '60',
        '-png',
        '-f',
        '1',
        '-l',
        String(PAGES),
        join(folder, 'report.pdf'),
        join(pictures, 'page'),
      ]);
      console.log(`Wrote the first ${PAGES} pages to ${pictures.slice(root.length + 1)}/`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } finally {
    await stop(api);
  }
}

await main();
