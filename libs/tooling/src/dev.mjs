// `npm run dev`: the API on PORT (3000) and Vite's dev server with hot reload on 4200, which
// forwards /graphql and /health to the API. Ctrl-C stops both.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const run = (command, args) => spawn(command, args, { cwd: root, stdio: 'inherit' });

const build = spawnSync('npx', ['nx', 'run', 'api:build', '--output-style=static'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const children = [
  run(process.execPath, ['dist/apps/api/main.mjs']),
  // Vite's own entry, not `npx vite`: a wrapper process would not pass signals on to it.
  run(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'apps/dashboard/vite.config.ts']),
];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => children.forEach((child) => child.kill(signal)));
}
for (const child of children) child.on('exit', () => children.forEach((other) => other.kill('SIGTERM')));
