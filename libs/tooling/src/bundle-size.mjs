// Prints what a first visit to the dashboard downloads in JavaScript (gzipped): the entry script
// and the chunks it preloads. Route pages load later, on demand. Fails above the budget.
import { readFileSync } from 'node:fs';
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
if (total > BUDGET_KB) process.exit(1);
