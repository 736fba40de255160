import { Global, Module } from '@nestjs/common';
import { Mailer } from '@tiltak/api-core';
import { MailLinks, MailModule, MailService } from '@tiltak/api-mail';

/** Lets features send mail through the outbox without depending on the mail feature itself. */
@Global()
@Module({
  imports: [MailModule],
  providers: [
    {
      provide: Mailer,
      inject: [MailService, MailLinks],
      useFactory: (mail: MailService, links: MailLinks): Mailer => ({
        enqueue: (message) => mail.enqueue(message),
        page: (path) => links.page(path),
      }),
    },
  ],
  exports: [Mailer],
})
export class MailerModule {}
