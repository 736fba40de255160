import type { SessionLimits } from '@tiltak/api-data-access';

/**
 * A session ends 30 minutes after its last refresh (the dashboard refreshes only while someone
 * uses it, and signs out an idle tab by itself) and 12 hours after sign-in, whatever happens.
 */
export const SESSION_LIMITS: SessionLimits = { idleSeconds: 30 * 60, lifetimeSeconds: 12 * 60 * 60 };

/**
 * A password may be set on an account that has none only this soon after its owner signed in
 * through the provider: whoever holds a session must prove again who they are first.
 */
export const RECENT_SINGLE_SIGN_ON_SECONDS = 5 * 60;
