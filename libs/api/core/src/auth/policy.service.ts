import { Inject, Injectable, Logger } from '@nestjs/common';
import { decide, type Permission, type Principal } from '@tiltak/domain';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { requestedPeriod } from '../period/period-scope';

/**
 * The server's use of libs/domain's rules. Services call `require` first, before they read what
 * they will change or write anything, so a refusal leaves every record as it was.
 */
@Injectable()
export class PolicyService {
  private readonly logger = new Logger('Policy');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  allows(viewer: Principal | null, permission: Permission): boolean {
    return decide(viewer, permission, { publicDashboard: this.config.auth.publicDashboard }) === 'ALLOW';
  }

  /**
   * Whether a write that needs all these permissions would be let through: the door's WRITE check
   * first, as every mutation meets it, then each in turn. What `viewerCan` answers with. Nothing
   * is written in an ended programme period, whoever asks (the database refuses it too).
   */
  allowsWrite(viewer: Principal | null, ...permissions: Permission[]): boolean {
    if (requestedPeriod()?.ended) return false;
    return [{ kind: 'WRITE' } as const, ...permissions].every((permission) => this.allows(viewer, permission));
  }

  require(viewer: Principal | null, permission: Permission): void {
    const decision = decide(viewer, permission, { publicDashboard: this.config.auth.publicDashboard });
    if (decision === 'ALLOW') return;
    const who = viewer ? `user ${viewer.userId} (${viewer.role})` : 'a signed-out visitor';
    this.logger.warn(`Refused ${permission.kind} to ${who}`);
    throw decision === 'UNAUTHENTICATED'
      ? new ApiError(ApiErrorCode.UNAUTHENTICATED, 'Sign in to do this.', { reason: 'SIGNED_OUT' })
      : new ApiError(ApiErrorCode.FORBIDDEN, 'Your role does not allow this. Nothing was changed.', {
          reason: permission.kind,
        });
  }
}
