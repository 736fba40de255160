import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@tiltak/api-core';
import type { MailKind } from '@tiltak/domain';
import type { AddressInfo } from 'node:net';
import { stopMailToken } from './settings/stop-mail-token';

/** The addresses mail links to: PUBLIC_URL, or this instance's own address when it is not set. */
@Injectable()
export class MailLinks {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /** A page of the dashboard, for example `/my-reports`. */
  page(path: string): string {
    return `${this.base()}${path}`;
  }

  stop(userId: string, kind: MailKind): string {
    return this.page(`/stop-mail/${stopMailToken(this.config.auth.secret, userId, kind)}`);
  }

  private base(): string {
    if (this.config.mail.publicUrl) return this.config.mail.publicUrl;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as { address(): AddressInfo | string | null };
    const address = server?.address();
    const port = address && typeof address === 'object' ? address.port : this.config.http.port;
    const host = ['0.0.0.0', '::', '127.0.0.1'].includes(this.config.http.host) ? 'localhost' : this.config.http.host;
    return `http://${host}:${port}`;
  }
}
