import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal } from '@tiltak/domain';

/** What authentication left on the request: who is asking, or why their token was not accepted. */
export interface AuthenticatedRequest {
  viewer?: Principal | null;
  /** Set when a token came but was expired, forged or belonged to a deactivated user. */
  authProblem?: string;
  /** Set when a token came but could not be checked, because the database was away. */
  tokenUnchecked?: boolean;
  /** The viewer's display name, for the history. */
  viewerName?: string;
  /** The session the viewer's access token belongs to. */
  sessionId?: string;
  ip?: string;
}

export function requestOf(context: ExecutionContext): AuthenticatedRequest & Record<string, unknown> {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest & Record<string, unknown> }>()
      .req;
  }
  return context.switchToHttp().getRequest();
}

/** The signed-in user making the request, or null when signed out. */
export const CurrentViewer = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | null => requestOf(context).viewer ?? null,
);

export const PUBLIC_OPERATION = 'tiltak:public';

export type PublicAccess = 'ANYONE' | 'ANYONE_EVEN_WITH_A_STALE_TOKEN';

export const OWN_ACCOUNT_OPERATION = 'tiltak:own-account';

/** A change to the caller's own account (their password): any signed-in role may make it. */
export const OwnAccountOperation = () => SetMetadata(OWN_ACCOUNT_OPERATION, true);

/**
 * Open to everyone, signed in or not, such as `me` and the health check; a token that came but
 * does not hold is still refused, so the client learns to refresh. Sign-in, refresh and sign-out
 * take `ANYONE_EVEN_WITH_A_STALE_TOKEN`: they are how a client gets past a stale one.
 */
export const PublicOperation = (access: PublicAccess = 'ANYONE') => SetMetadata(PUBLIC_OPERATION, access);

/** Who a change is written in the name of, for the change log and the history. */
export function actorOf(request: AuthenticatedRequest): { name: string; userId: string | null } {
  return { name: request.viewerName ?? 'Ukjent', userId: request.viewer?.userId ?? null };
}

/** Who is asking, as services need it: for the permission check and for the change log. */
export interface Caller {
  viewer: Principal | null;
  actor: { name: string; userId: string | null };
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const request = requestOf(context);
  return { viewer: request.viewer ?? null, actor: actorOf(request) };
});
