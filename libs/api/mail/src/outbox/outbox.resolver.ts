import { Injectable } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { type Connection, CurrentViewer, pageOf, PageArgs, PolicyService, toConnection } from '@tiltak/api-core';
import { MailRepository } from '@tiltak/api-data-access';
import type { Principal } from '@tiltak/domain';
import { OutboxMailConnection, type OutboxMailModel, toOutboxMailModel } from './outbox-mail.model';

/** Reading the outbox: other people's addresses and mail, so for admins only. */
@Injectable()
export class OutboxService {
  constructor(
    private readonly mail: MailRepository,
    private readonly policy: PolicyService,
  ) {}

  async newestFirst(viewer: Principal | null, pageArgs: PageArgs): Promise<Connection<OutboxMailModel>> {
    this.policy.require(viewer, { kind: 'READ_MAIL_OUTBOX' });
    const page = pageOf(pageArgs);
    const { mails, total } = await this.mail.newestFirst(page.offset, page.limit);
    return toConnection(mails.map(toOutboxMailModel), page, total);
  }
}

@Resolver()
export class OutboxResolver {
  constructor(private readonly outbox: OutboxService) {}

  @Query(() => OutboxMailConnection, {
    description: 'Every mail Tiltak sent, kept (no SMTP_URL) or gave up, newest first. Admins only.',
  })
  mailOutbox(@Args() page: PageArgs, @CurrentViewer() viewer: Principal | null): Promise<OutboxMailConnection> {
    return this.outbox.newestFirst(viewer, page);
  }
}
