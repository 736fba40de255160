import { Module } from '@nestjs/common';
import { ReportOwnersRepository } from '@tiltak/api-data-access';
import { MailLinks } from './mail-links';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';
import { OutboxResolver, OutboxService } from './outbox/outbox.resolver';
import { ReminderSweep } from './reminders/reminder-sweep';
import { MailSettingsResolver, MailSettingsService } from './settings/mail-settings';

/** Mail: the outbox and its delivery, reminders of reports owed, and each user's mail settings. */
@Module({
  providers: [
    MailService,
    MailTransport,
    MailLinks,
    OutboxService,
    OutboxResolver,
    MailSettingsService,
    MailSettingsResolver,
    ReminderSweep,
    ReportOwnersRepository,
  ],
  exports: [MailService, MailLinks],
})
export class MailModule {}
