import { MAIL_KINDS, type MailKind } from '@tiltak/domain';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in a mail's stop link: the user and the kind of mail, signed with the auth secret, so
 * that only Tiltak can make one and nobody can stop another person's mail by guessing an id. It
 * does not expire: a stop link in an old mail should still work.
 */
export function stopMailToken(secret: string, userId: string, kind: MailKind): string {
  const payload = Buffer.from(`${userId}:${kind}`).toString('base64url');
  return `${payload}.${signature(secret, payload)}`;
}

/** The user and kind a token names, or null when it is not one Tiltak signed. */
export function readStopMailToken(secret: string, token: string): { userId: string; kind: MailKind } | null {
  const [payload, signed, ...rest] = token.split('.');
  if (!payload || !signed || rest.length > 0) return null;
  const expected = Buffer.from(signature(secret, payload));
  const given = Buffer.from(signed);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, kind] = Buffer.from(payload, 'base64url').toString().split(':');
  if (!userId || !(MAIL_KINDS as readonly string[]).includes(kind)) return null;
  return { userId, kind: kind as MailKind };
}

function signature(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`tiltak-stop-mail:${payload}`).digest('base64url');
}
