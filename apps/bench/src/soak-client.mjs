// GraphQL over HTTP as a careful client does it during the soak: an instance that cannot be reached
// or a database that is away (503, SERVICE_UNAVAILABLE) is tried again, on the other instance too;
// CONFLICT is an answer; anything else is a failure, counted with its code and message.
import { setTimeout as sleep } from 'node:timers/promises';

const REQUEST_TIMEOUT_MS = 30_000;
/** How long a client keeps trying one request before it counts it as failed. */
const RETRY_WINDOW_MS = 90_000;

async function attempt(url, token, query, variables) {
  let response;
  let text;
  try {
    response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    // An instance that answers nothing for 30 s is a fault of the API, not a lost instance.
    if (error.name === 'TimeoutError') return { kind: 'failed', reason: 'no answer within 30 s' };
    return { kind: 'retry', cause: 'instance unreachable' };
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    if (response.status === 503) return { kind: 'retry', cause: 'HTTP 503' };
    return { kind: 'failed', reason: `HTTP ${response.status}: ${text.slice(0, 120)}` };
  }
  const error = body.errors?.[0];
  if (!error && body.data) return { kind: 'ok', data: body.data };
  if (!error)
    return { kind: 'failed', reason: `HTTP ${response.status} without data or errors: ${text.slice(0, 120)}` };
  const code = error.extensions?.code;
  if (code === 'CONFLICT') return { kind: 'conflict', current: error.extensions.current };
  if (code === 'SERVICE_UNAVAILABLE' || response.status === 503) return { kind: 'retry', cause: 'SERVICE_UNAVAILABLE' };
  return { kind: 'failed', reason: `${code ?? 'no code'}: ${error.message.slice(0, 160)}` };
}

/** Counts, for the report, of why requests were tried again. */
export const retryCauses = {};

/**
 * Sends one request, through `instances[from]` first, and keeps trying (alternating instances,
 * waiting 0.25 s doubling to 2 s) while the answer says to. Returns the outcome with `retried`.
 */
export async function send(instances, from, token, query, variables = {}) {
  const deadline = Date.now() + RETRY_WINDOW_MS;
  let via = from;
  let wait = 250;
  let retried = false;
  for (;;) {
    const outcome = await attempt(instances[via].url, token(), query, variables);
    if (outcome.kind !== 'retry') return { ...outcome, retried };
    retryCauses[outcome.cause] = (retryCauses[outcome.cause] ?? 0) + 1;
    retried = true;
    if (Date.now() > deadline) {
      return { kind: 'failed', reason: `still ${outcome.cause} after ${RETRY_WINDOW_MS / 1000} s`, retried };
    }
    via = (via + 1) % instances.length;
    await sleep(wait);
    wait = Math.min(wait * 2, 2_000);
  }
}

/** Signs a demo user in; throws if that fails for good. */
export async function signIn(instances, email) {
  const outcome = await send(
    instances,
    0,
    () => null,
    'mutation($email: String!) { login(email: $email, password: "tiltak-demo") { accessToken } }',
    { email },
  );
  if (outcome.kind !== 'ok') throw new Error(`Could not sign ${email} in: ${outcome.reason ?? outcome.kind}`);
  return outcome.data.login.accessToken;
}
