import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@tiltak/api-core';
import { MailRepository } from '@tiltak/api-data-access';
import type { Language } from '@tiltak/domain';
import { JobQueue } from '@tiltak/api-jobs';
import { MailTransport } from './mail-transport';

export interface OutgoingMail {
  /** What the mail is, for the outbox and for opting out: ROUND_OPENED, REMINDER, REPORT_LINK, … */
  kind: string;
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
  /** What the mail is about; a second mail with the same key is not added. */
  dedupeKey: string;
  /** The one-click link that stops this kind of mail; sent as List-Unsubscribe for mail programs. */
  stopUrl?: string;
}

/** Mails one delivery run takes at a time; the next run takes the rest. */
const BATCH = 20;
/** Attempts before a mail is given up (FAILED). */
export const MAX_ATTEMPTS = 5;
/** While one instance sends a mail, no other takes it; after this, a mail whose sender died is taken again. */
const LEASE_MS = 5 * 60_000;
/** The wait after a failed attempt, doubling: 1, 2, 4, 8 minutes. */
const RETRY_BASE_MS = 60_000;

export const DELIVER_MAIL_JOB = 'deliver-mail';

/**
 * Every mail Tiltak sends goes through the outbox: `enqueue` adds it (once per dedupe key), and
 * the delivery job, every minute on one instance, hands what is due to the SMTP server. Without
 * SMTP_URL, mail is kept in the outbox (KEPT) for admins to read, so nothing is lost.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly outbox: MailRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every({ name: DELIVER_MAIL_JOB, cron: '* * * * *', run: async () => void (await this.deliverDue()) });
  }

  /** Adds a mail to the outbox; false when one with its dedupe key was there already. */
  enqueue(mail: OutgoingMail): Promise<boolean> {
    return this.outbox.add({
      kind: mail.kind,
      recipient: mail.to,
      language: mail.language,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      dedupeKey: mail.dedupeKey,
      stopUrl: mail.stopUrl ?? null,
      state: this.config.mail.smtpUrl ? 'QUEUED' : 'KEPT',
      dueAt: this.clock.now(),
    });
  }

  /**
   * Sends what is due, a batch at a time, until nothing is left. Several instances may run it at
   * once: each mail is taken by one of them (see MailRepository.claimDue).
   */
  async deliverDue(): Promise<{ sent: number; failed: number }> {
    const outcome = { sent: 0, failed: 0 };
    if (!this.config.mail.smtpUrl) return outcome;
    for (;;) {
      const now = this.clock.now();
      const mails = await this.outbox.claimDue(now, new Date(now.getTime() + LEASE_MS), BATCH);
      for (const mail of mails) {
        try {
          await this.transport.send(mail);
          await this.outbox.markSent(mail.id, this.clock.now());
          outcome.sent += 1;
        } catch (error) {
          const last = mail.attempts >= MAX_ATTEMPTS;
          const retryAt = last ? null : new Date(this.clock.now().getTime() + RETRY_BASE_MS * 2 ** (mail.attempts - 1));
          await this.outbox.markFailed(mail.id, error instanceof Error ? error.message : String(error), retryAt);
          outcome.failed += 1;
          this.logger.warn(
            `Mail ${mail.id} (${mail.kind}) was not accepted${last ? ', and is given up' : ''}: ${String(error)}`,
          );
        }
      }
      if (mails.length < BATCH) return outcome;
    }
  }
}
