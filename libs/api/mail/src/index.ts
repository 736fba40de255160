export * from './mail.module';
export * from './mail.service';
export * from './mail-links';
export * from './reminders/reminder-sweep';
export * from './reminders/digest-mail';
export * from './settings/stop-mail-token';
