import { AsyncLocalStorage } from 'node:async_hooks';

/** The earlier programme period a request reads, and whether it has ended (then nothing may be written). */
export interface RequestedPeriod {
  programmeId: string;
  ended: boolean;
}

/**
 * The programme period one request reads, when it asked for an earlier one (the `Tiltak-Period`
 * header). Held for the request's whole asynchronous run, so every service reading the programme
 * through the programme context reads that period without being told, and `viewerCan` answers
 * that nothing may be written in an ended one.
 */
const periodOfRequest = new AsyncLocalStorage<RequestedPeriod>();

export function runInPeriod<T>(period: RequestedPeriod, work: () => T): T {
  return periodOfRequest.run(period, work);
}

/** The period this request asked for; undefined when it reads the current one. */
export function requestedPeriod(): RequestedPeriod | undefined {
  return periodOfRequest.getStore();
}
