import type { Language } from '@tiltak/domain';

/** A mail a feature wants sent. */
export interface MailToSend {
  /** What the mail is, for the outbox: REPORT_LINK, … */
  kind: string;
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
  /** What the mail is about; a second mail with the same key is not sent. */
  dedupeKey: string;
}

/**
 * How a feature sends mail without depending on the mail feature: the app binds it to the outbox
 * (libs/api/mail), which delivers through SMTP or keeps the mail for admins.
 */
export abstract class Mailer {
  /** Adds the mail to the outbox; false when one with its dedupe key was there already. */
  abstract enqueue(mail: MailToSend): Promise<boolean>;

  /** The full address of a dashboard page, for a link in a mail, for example `/report/…`. */
  abstract page(path: string): string;
}
