import { Module } from '@nestjs/common';
import { MailLinks } from './mail-links';
import { MailService } from './mail.service';
import { MailTransport } from './mail-transport';
import { OutboxResolver, OutboxService } from './outbox/outbox.resolver';
import { ReminderSweep } from './reminders/reminder-sweep';
import { MailSettingsResolver, MailSettingsService } from './settings/mail-settings';
import { StopMailController } from './settings/stop-mail.controller';

/** Mail: the outbox and its delivery, reminders of reports owed, and each user's mail settings. */
@Module({
  controllers: [StopMailController],
  providers: [
    MailService,
    MailTransport,
    MailLinks,
    OutboxService,
    OutboxResolver,
    MailSettingsService,
    MailSettingsResolver,
    ReminderSweep,
  ],
  exports: [MailService, MailLinks],
})
export class MailModule {}
