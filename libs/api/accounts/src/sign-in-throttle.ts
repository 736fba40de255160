import { Injectable } from '@nestjs/common';
import { AuditRepository, SignInThrottleRepository, type ThrottleLimit } from '@tiltak/api-data-access';

/**
 * Failed sign-ins allowed in a 15-minute window. The tight limit is per account *and* address, so
 * a stranger who knows someone's e-mail address only shuts out their own address. The looser
 * per-account limit stops guessing spread over many addresses; an address the account signed in
 * from in the last 30 days is exempt from it, so its owner keeps getting in from their usual
 * places, and it lasts only to the end of the window in any case.
 */
export const THROTTLE = {
  windowSeconds: 15 * 60,
  perAccountAndAddress: 5,
  perAddress: 20,
  perAccount: 50,
  knownAddressDays: 30,
} as const;

/** An attempt counted in advance; given back if the password was right. */
export interface Reservation {
  keys: string[];
  pairKey: string;
}

/** Counts sign-in attempts before their password is checked, so parallel guesses get no more than the limit. */
@Injectable()
export class SignInThrottle {
  constructor(
    private readonly throttle: SignInThrottleRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** The reservation, or null when one of the limits is reached and the password must not be checked. */
  async reserve(email: string, address: string, userId: string | null): Promise<Reservation | null> {
    const account = email.trim().toLowerCase();
    const pairKey = `pair:${account} ${address}`;
    const known = userId !== null && (await this.audit.signedInFrom(userId, address, THROTTLE.knownAddressDays));
    const limits: ThrottleLimit[] = [
      { key: pairKey, limit: THROTTLE.perAccountAndAddress },
      { key: `address:${address}`, limit: THROTTLE.perAddress },
      ...(known ? [] : [{ key: `account:${account}`, limit: THROTTLE.perAccount }]),
    ];
    const refusedBy = await this.throttle.reserve(limits, THROTTLE.windowSeconds);
    return refusedBy ? null : { keys: limits.map((l) => l.key), pairKey };
  }

  /** The password was right: the attempt was no failure, and this address starts afresh for this account. */
  release(reservation: Reservation): Promise<void> {
    return this.throttle.release(
      reservation.keys.filter((key) => key !== reservation.pairKey),
      reservation.pairKey,
    );
  }
}
