import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import {
  type AuthenticatedRequest,
  isDatabaseUnavailable,
  VIEWER_RESOLVER,
  type ViewerResolver,
} from '@tiltak/api-core';
import type { NextFunction, Request, Response } from 'express';

/**
 * Works out who is asking, once per request. A token that fails is not treated as signed out: the
 * request is refused, so the dashboard knows to refresh the session. Nor is one that could not be
 * checked because the database was away: the access guard answers SERVICE_UNAVAILABLE where the
 * caller matters, while sign-in, refresh and the health check go on to give their own answer.
 */
@Injectable()
export class AuthenticationMiddleware implements NestMiddleware {
  constructor(@Inject(VIEWER_RESOLVER) private readonly viewers: ViewerResolver) {}

  async use(request: Request & AuthenticatedRequest, _response: Response, next: NextFunction): Promise<void> {
    request.viewer = null;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      try {
        const outcome = await this.viewers.resolve(header.slice('Bearer '.length).trim());
        if ('problem' in outcome) {
          request.authProblem = outcome.problem;
        } else {
          request.viewer = outcome.viewer;
          request.viewerName = outcome.name;
          request.sessionId = outcome.sessionId;
        }
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        request.tokenUnchecked = true;
      }
    }
    next();
  }
}
