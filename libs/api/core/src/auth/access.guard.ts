import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { serviceUnavailable } from '../errors/database-unavailable';
import { PolicyService } from './policy.service';
import { OWN_ACCOUNT_OPERATION, PUBLIC_OPERATION, type PublicAccess, requestOf } from './viewer';

/**
 * The first door every GraphQL operation passes: a token that came but does not hold is refused,
 * one that could not be checked (the database was away) is answered SERVICE_UNAVAILABLE, reads
 * need READ_PROGRAMME, writes need a signed-in user. The services then check the specific
 * permission on the record they touch.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: PolicyService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<PublicAccess | undefined>(PUBLIC_OPERATION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (access === 'ANYONE_EVEN_WITH_A_STALE_TOKEN') return true;
    const request = requestOf(context);
    // Not known to be signed out, nor known to be signed in: ask the client to come back.
    if (request.tokenUnchecked) throw serviceUnavailable();
    if (request.authProblem) {
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, request.authProblem, { reason: 'TOKEN_REJECTED' });
    }
    if (access === 'ANYONE') return true;
    if (context.getType<string>() !== 'graphql') return true;
    const operation = GqlExecutionContext.create(context).getInfo<{ parentType: { name: string } }>().parentType.name;
    const viewer = request.viewer ?? null;
    if (operation === 'Query' || operation === 'Subscription') this.policy.require(viewer, { kind: 'READ_PROGRAMME' });
    if (operation === 'Mutation') {
      const ownAccount = this.reflector.get<boolean>(OWN_ACCOUNT_OPERATION, context.getHandler());
      if (!viewer) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Sign in to do this.', { reason: 'SIGNED_OUT' });
      if (!ownAccount) this.policy.require(viewer, { kind: 'WRITE' });
    }
    return true;
  }
}
