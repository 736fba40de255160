/**
 * What the audit log records about accounts: sign-ins and their refusals, sign-outs, sessions
 * that ran out, password changes, and the changes an admin makes to a user's powers.
 */
export const AUDIT_ACTIONS = [
  'SIGN_IN',
  'SIGN_IN_FAILED',
  'SIGN_OUT',
  'SESSION_EXPIRED',
  'PASSWORD_CHANGED',
  'USER_CREATED',
  'ROLE_CHANGED',
  'ASSIGNMENT_CHANGED',
  'DEACTIVATED',
  'REACTIVATED',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * How it ended. WRONG_CREDENTIALS: an unknown address, a wrong password or an inactive account
 * (the log does not say which, any more than the sign-in does). THROTTLED: refused before the
 * password was checked. REFUSED: single sign-on that the provider or Tiltak did not accept.
 * IDLE and LIFETIME: a session that ran out, by inactivity or by age.
 */
export const AUDIT_OUTCOMES = ['SUCCESS', 'WRONG_CREDENTIALS', 'THROTTLED', 'REFUSED', 'IDLE', 'LIFETIME'] as const;

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** How a session began: with a password, or through the municipality's identity provider. */
export const SIGN_IN_METHODS = ['PASSWORD', 'SINGLE_SIGN_ON'] as const;

export type SignInMethod = (typeof SIGN_IN_METHODS)[number];
