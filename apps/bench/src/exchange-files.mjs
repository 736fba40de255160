// `npm run exchange-bench`: how long the exchange library takes to read a large spreadsheet, and the
// reading process's peak memory (resident set), for an .xlsx and a CSV of EXCHANGE_BENCH_ROWS actions
// (90,000 by default). Each file is read in a fresh process, so its peak is the reading's own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
// Inside the workspace (tmp/ is ignored by git) so the bundle finds exceljs in node_modules.
const work = join(root, 'tmp/exchange-bench');
const library = join(work, 'exchange.mjs');
const ROWS = Number(process.env.EXCHANGE_BENCH_ROWS ?? 90_000);

/** The library's TypeScript bundled to one ES module, its packages left to node_modules. */
function bundle() {
  mkdirSync(work, { recursive: true });
  execFileSync(
    join(root, 'node_modules/.bin/esbuild'),
    [
      'libs/api/exchange/src/index.ts',
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--packages=external',
      `--outfile=${library}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
}

const day = (offset) => new Date(Date.UTC(2025, 0, 1 + (offset % 1400)));

function action(index) {
  return {
    row: index + 2,
    cells: {
      code: `T-${index}`,
      title: `Tiltak nummer ${index} for næringsutvikling i regionen`,
      description: `Beskrivelse av tiltak ${index}: samarbeid mellom kommunene, næringslivet og forskningsmiljøene.`,
      focusArea: `FA${index % 7}`,
      municipalities: 'Eidsvoll; Nes; Hurdal',
      startDate: day(index),
      dueDate: day(index + 365),
      weight: 1 + (index % 5),
      status: 'Pågår',
      progress: index % 101,
      health: 'I rute',
      goals: 'G1; G2',
      budget: 1000 * index,
      caseReference: `2025/${index}`,
      version: 1 + (index % 9),
    },
  };
}

async function write(exchange, path, format) {
  const sheet = {
    kind: 'ACTIONS',
    columns: Object.keys(action(0).cells),
    rows: Array.from({ length: ROWS }, (_, index) => action(index)),
  };
  const out = createWriteStream(path);
  const started = performance.now();
  if (format === 'xlsx') await exchange.writeWorkbookXlsx({ sheets: [sheet] }, 'nb', out);
  else await exchange.writeSheetCsv(sheet, 'nb', ';', out);
  if (!out.writableFinished) await once(out, 'finish');
  return performance.now() - started;
}

/** Runs in the child: reads one file and prints its figures as JSON. */
async function readOne(path) {
  const exchange = await import(pathToFileURL(library).href);
  const started = performance.now();
  const { workbook, problems } = await exchange.readSpreadsheet(path, 'nb');
  const ms = performance.now() - started;
  const rows = workbook.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  console.log(
    JSON.stringify({ ms, rows, problems: problems.length, peakRssMiB: process.resourceUsage().maxRSS / 1024 }),
  );
}

async function main() {
  bundle();
  const exchange = await import(pathToFileURL(library).href);
  const baseline = JSON.parse(
    execFileSync(process.execPath, [
      '-e',
      'console.log(JSON.stringify(process.resourceUsage().maxRSS / 1024))',
    ]).toString(),
  );
  console.log(`${ROWS.toLocaleString('en')} actions; an empty node process peaks at ${baseline.toFixed(0)} MiB RSS`);
  for (const format of ['xlsx', 'csv']) {
    const path = join(work, `actions.${format}`);
    const writeMs = await write(exchange, path, format);
    const read = JSON.parse(
      execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--read', path]).toString(),
    );
    const size = statSync(path).size / (1024 * 1024);
    console.log(
      `${format.padEnd(4)} ${size.toFixed(1)} MB  write ${(writeMs / 1000).toFixed(1)} s  read ${(read.ms / 1000).toFixed(1)} s` +
        `  ${read.rows} rows, ${read.problems} problems  peak RSS while reading ${read.peakRssMiB.toFixed(0)} MiB`,
    );
    rmSync(path);
  }
}

if (process.argv[2] === '--read') await readOne(process.argv[3]);
else await main();
