import type { Principal } from '@tiltak/domain';

export interface ResolvedViewer {
  viewer: Principal;
  name: string;
  /** The session (token family) the token belongs to, so signing out can close its connections. */
  sessionId: string;
  expiresAt: Date;
}

/** Turns an access token into the user behind it; the accounts library provides it. */
export interface ViewerResolver {
  /**
   * The token's user if the token holds, its session is still going and the user is active,
   * else a reason it does not.
   */
  resolve(token: string): Promise<ResolvedViewer | { problem: string }>;
}

export const VIEWER_RESOLVER = Symbol('VIEWER_RESOLVER');
