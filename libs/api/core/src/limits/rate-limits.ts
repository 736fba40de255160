import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig, RateLimitConfig } from '../config/config';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { addressKey } from './client-address';

export type RateLimited = keyof RateLimitConfig;

/** Who is calling: the signed-in user, if any, and the address the call came from. */
export interface Requester {
  userId: string | null;
  address: string;
}

const REASONS: Record<RateLimited, string> = {
  queries: 'QUERIES',
  mutations: 'MUTATIONS',
  signIns: 'SIGN_INS',
  presenceEvents: 'PRESENCE_EVENTS',
  documents: 'DOCUMENTS',
  openData: 'OPEN_DATA',
};

export function rateLimited(kind: RateLimited, limit: number, retryAfterSeconds: number): ApiError {
  return new ApiError(
    ApiErrorCode.RATE_LIMITED,
    `Too many requests: at most ${limit} a minute. Try again in ${retryAfterSeconds} s.`,
    { reason: REASONS[kind], limit, retryAfterSeconds },
  );
}

/**
 * Counts each user's and each address's calls per minute and refuses those over the limit.
 *
 * The counters are kept in this process's memory, not in PostgreSQL: a count costs a map lookup
 * instead of a database write on every request, and the limits are there to keep one instance
 * answering, which its own counts do. With several instances behind a load balancer a client can
 * make at most that many times the limit in all; the limit that guards a secret, the throttle on
 * wrong passwords, is kept in the database and shared. Counters expire a minute after they start.
 */
@Injectable()
export class RateLimits {
  private readonly limiters: {
    [K in RateLimited]: { perUser?: RateLimiterMemory; perAddress: RateLimiterMemory };
  };

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const limiter = (kind: string, points: number) => new RateLimiterMemory({ keyPrefix: kind, points, duration: 60 });
    const { queries, mutations, signIns, presenceEvents, documents, openData } = config.rateLimits;
    this.limiters = {
      queries: { perUser: limiter('q:user', queries.perUser), perAddress: limiter('q:addr', queries.perAddress) },
      mutations: {
        perUser: limiter('m:user', mutations.perUser),
        perAddress: limiter('m:addr', mutations.perAddress),
      },
      signIns: { perAddress: limiter('s:addr', signIns.perAddress) },
      presenceEvents: {
        perUser: limiter('p:user', presenceEvents.perUser),
        perAddress: limiter('p:addr', presenceEvents.perAddress),
      },
      documents: { perUser: limiter('d:user', documents.perUser), perAddress: limiter('d:addr', documents.perAddress) },
      openData: { perAddress: limiter('o:addr', openData.perAddress) },
    };
  }

  /**
   * Counts a call made with a credential other than a sign-in, such as a report link (`key` is the
   * token's hash), against the per-user limit of its kind: a link counts as one person. The address
   * was counted already with the operation.
   */
  async consumeForCredential(kind: RateLimited, key: string): Promise<void> {
    const { perUser } = this.limiters[kind];
    if (!perUser) return;
    try {
      await perUser.consume(`credential:${key}`);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      throw rateLimited(kind, perUser.points, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
    }
  }

  /** Counts `points` calls of a kind; throws RATE_LIMITED when the user or the address is over. */
  async consume(kind: RateLimited, requester: Requester, points = 1): Promise<void> {
    const { perUser, perAddress } = this.limiters[kind];
    const counts: [RateLimiterMemory, string][] = [[perAddress, addressKey(requester.address)]];
    if (perUser && requester.userId) counts.push([perUser, requester.userId]);
    for (const [limiter, key] of counts) {
      try {
        await limiter.consume(key, points);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        throw rateLimited(kind, limiter.points, Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
      }
    }
  }
}
