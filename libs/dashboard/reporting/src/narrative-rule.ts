import type { Health } from '@tiltak/dashboard-data-access';

/**
 * The server's rule, told to the user before they submit: an action at risk or off track needs a
 * narrative. The server still decides; this only says it at the field, earlier.
 */
export function narrativeNeededFor(health: Health): boolean {
  return health === 'AT_RISK' || health === 'OFF_TRACK';
}
