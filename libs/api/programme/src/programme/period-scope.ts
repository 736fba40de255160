import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The programme period one request reads, when it asked for an earlier one (the `Tiltak-Period`
 * header). Held for the request's whole asynchronous run, so every service reading the programme
 * through `ProgrammeContext` reads that period without being told.
 */
const periodOfRequest = new AsyncLocalStorage<string>();

export function runInPeriod<T>(programmeId: string, work: () => T): T {
  return periodOfRequest.run(programmeId, work);
}

/** The id of the period this request asked for; undefined when it reads the current one. */
export function requestedPeriod(): string | undefined {
  return periodOfRequest.getStore();
}
