import { createHash, randomBytes } from 'node:crypto';
import { REPORT_LINK_TOKEN } from '@tiltak/domain';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** A new link token: 32 random bytes, base64url. It goes into the e-mail and is never stored. */
export function newReportLinkToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: sha256(token) };
}

/** The SHA-256 (hex) the database keeps; a token of the wrong length or alphabet is no token at all. */
export function hashReportLinkToken(token: string): string | null {
  return REPORT_LINK_TOKEN.test(token) ? sha256(token) : null;
}
