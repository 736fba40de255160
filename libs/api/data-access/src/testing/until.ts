/**
 * Tries `attempt` every 100 ms until it gives a value (a rejection counts as not yet), for what
 * has no signal to wait on: a process that starts, a server that comes back. Fails after `ms`.
 */
export async function until<T>(what: string, attempt: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  for (const deadline = Date.now() + ms; ;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
