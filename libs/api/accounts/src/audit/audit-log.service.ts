import { Injectable } from '@nestjs/common';
import { type Connection, pageOf, type PageArgs, PolicyService, toConnection } from '@tiltak/api-core';
import { AuditRepository } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { type AuditEntryModel, toAuditEntryModel } from './audit-entry.model';

/** Reading the audit log: for admins, who manage the users it is about. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly policy: PolicyService,
  ) {}

  async newestFirst(viewer: Principal | null, pageArgs: PageArgs): Promise<Connection<AuditEntryModel>> {
    this.policy.require(viewer, { kind: 'MANAGE_USERS' });
    const page = pageOf(pageArgs);
    const { entries, total } = await this.audit.newestFirst(page.offset, page.limit);
    return toConnection(entries.map(toAuditEntryModel), page, total);
  }
}
