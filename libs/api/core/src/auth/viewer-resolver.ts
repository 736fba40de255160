import type { Principal } from '@tiltak/domain';

/** Turns an access token into the user behind it; the accounts library provides it. */
export interface ViewerResolver {
  /** The token's user if the token holds and the user is active, else a reason it does not. */
  resolve(token: string): Promise<{ viewer: Principal; name: string; expiresAt: Date } | { problem: string }>;
}

export const VIEWER_RESOLVER = Symbol('VIEWER_RESOLVER');
