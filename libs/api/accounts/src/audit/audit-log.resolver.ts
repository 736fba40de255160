import { Args, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, PageArgs } from '@tiltak/api-core';
import type { Principal } from '@tiltak/domain';
import { AuditEntryConnection } from './audit-entry.model';
import { AuditLogService } from './audit-log.service';

@Resolver()
export class AuditLogResolver {
  constructor(private readonly entries: AuditLogService) {}

  @Query(() => AuditEntryConnection, {
    description: 'The audit log of sign-ins, sign-outs, password and role changes, newest first. Admins only.',
  })
  auditLog(@Args() page: PageArgs, @CurrentViewer() viewer: Principal | null): Promise<AuditEntryConnection> {
    return this.entries.newestFirst(viewer, page);
  }
}
