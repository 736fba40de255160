/**
 * Report links (rapportering via lenke): a partner without an account answers one report through a
 * link. The rules that do not need a database live here, shared by the API and its tests.
 */

/** How long a link lasts unless the round closes first (REPORT_LINK_DAYS). */
export const DEFAULT_REPORT_LINK_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a link sent now stops working: after its lifetime or when the round closes, whichever comes first. */
export function reportLinkExpiry(now: Date, lifetimeDays: number, roundClosesAt: Date): Date {
  const byLifetime = new Date(now.getTime() + lifetimeDays * DAY_MS);
  return byLifetime < roundClosesAt ? byLifetime : new Date(roundClosesAt);
}

export type ReportLinkState = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** Revocation wins over expiry: the sender's decision is what the partner should hear about. */
export function reportLinkState(link: { expiresAt: Date; revokedAt: Date | null }, now: Date): ReportLinkState {
  if (link.revokedAt) return 'REVOKED';
  return link.expiresAt <= now ? 'EXPIRED' : 'ACTIVE';
}

/**
 * Who a change made through a link is written in the name of, in the history: the person, and who
 * sent them the link. Kept in bokmål, as every stored actor name is.
 */
export function viaLinkActorName(recipientName: string, sentFor: string): string {
  return `${recipientName}, via lenke fra ${sentFor}`;
}

/** A link token as it appears in a URL: 32 random bytes in base64url, 43 characters. */
export const REPORT_LINK_TOKEN = /^[A-Za-z0-9_-]{43}$/;
