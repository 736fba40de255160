// `npm start`: builds what changed (Nx caches the rest), then runs the API in this same process,
// so a signal sent to npm reaches the server directly and it can stop the database in order.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dashboard', '--output-style=static'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

await import(pathToFileURL(resolve(root, 'dist/apps/api/main.mjs')).href);

// npm runs this script through `sh -c`, and a shell that receives SIGTERM dies without passing it
// on. When that happens this process is handed to another parent: stop as if told to, so neither
// the API nor its embedded PostgreSQL is left running.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();
