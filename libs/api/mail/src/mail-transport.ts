import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tiltak/api-core';
import nodemailer, { type Transporter } from 'nodemailer';

export interface DeliverableMail {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  stopUrl: string | null;
}

/** The SMTP server in SMTP_URL, through nodemailer, with bounded waits. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private transporter?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async send(mail: DeliverableMail): Promise<void> {
    const transporter = this.open();
    await transporter.sendMail({
      from: this.config.mail.from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: {
        'Content-Language': mail.language,
        'Auto-Submitted': 'auto-generated',
        // Mail programs offer their own "unsubscribe" button: a POST to the link stops the mail (RFC 8058).
        ...(mail.stopUrl && {
          'List-Unsubscribe': `<${mail.stopUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        }),
      },
      // The outbox row's id, so a mail can be traced from the recipient's copy back to the outbox.
      messageId: `<${mail.id}@tiltak>`,
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }

  private open(): Transporter {
    if (!this.config.mail.smtpUrl) throw new Error('No SMTP_URL is set');
    this.transporter ??= nodemailer.createTransport({
      url: this.config.mail.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    } as unknown as Parameters<typeof nodemailer.createTransport>[0]);
    return this.transporter;
  }
}
