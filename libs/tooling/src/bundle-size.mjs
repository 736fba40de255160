// Prints what a first visit to the dashboard downloads in JavaScript (gzipped): the entry script
// and the chunks it preloads, then each chunk loaded later, on demand, as pages open. Fails when
// the first visit is over budget.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../../../dist/apps/dashboard');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map(
  (m) => m[1],
);

let total = 0;
for (const script of new Set(scripts)) {
  const size = gzipSync(readFileSync(join(dist, script))).length / 1024;
  total += size;
  console.log(`${script}: ${size.toFixed(1)} kB gzipped`);
}
console.log(`Initial JavaScript: ${total.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`);

const initial = new Set([...scripts].map((script) => script.replace(/^\//, '')));
const later = readdirSync(join(dist, 'assets'))
  .map((file) => `assets/${file}`)
  .filter((file) => file.endsWith('.js') && !initial.has(file));
for (const chunk of later.sort()) {
  console.log(
    `  on demand ${chunk}: ${(gzipSync(readFileSync(join(dist, chunk))).length / 1024).toFixed(1)} kB gzipped`,
  );
}
if (total > BUDGET_KB) process.exit(1);
