/** How long jest may take to exit once the database is stopped, before the run is failed instead. */
const EXIT_WAIT_MS = 30_000;

export default async function globalTeardown(): Promise<void> {
  await globalThis.tiltakTestDatabaseServer?.stop();
  failIfKeptOpen();
}

/**
 * With one worker (two cores) jest runs every test file in its own process, so a socket, timer or
 * child process that a test left open keeps jest from ever exiting, and CI would wait out its time
 * limit without a word. The watch is unref'd: it fires only when something else keeps the process
 * alive, and then names what that is and fails the run.
 */
function failIfKeptOpen(): void {
  const watch = setTimeout(() => {
    console.error(`\nThe tests left these open, so jest cannot exit:\n${describeOpenHandles()}`);
    process.exit(1);
  }, EXIT_WAIT_MS);
  watch.unref();
}

function describeOpenHandles(): string {
  // Node's own list of handles (undocumented, but the only one that holds the objects to name).
  const handles = (process as unknown as { _getActiveHandles?: () => unknown[] })._getActiveHandles?.() ?? [];
  const described = handles.map((handle) => {
    const h = handle as Record<string, unknown> & { constructor?: { name?: string } };
    const kind = h.constructor?.name ?? typeof handle;
    if (typeof h['remotePort'] === 'number') return `${kind} to ${String(h['remoteAddress'])}:${h['remotePort']}`;
    if (typeof h['spawnfile'] === 'string') return `${kind} running ${h['spawnfile']} (pid ${String(h['pid'])})`;
    if (kind === 'Server' && typeof h['address'] === 'function') {
      return `${kind} listening on ${JSON.stringify((h['address'] as () => unknown).call(handle))}`;
    }
    return kind;
  });
  return [...described, ...process.getActiveResourcesInfo().map((kind) => `resource: ${kind}`)]
    .map((line) => `  - ${line}`)
    .join('\n');
}
