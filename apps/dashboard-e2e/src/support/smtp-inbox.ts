import { type ParsedMail, simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server inside the browser test, on a loopback port, keeping what Tiltak sends to it. */
export class SmtpInbox {
  readonly arrived: { to: string[]; parsed: ParsedMail }[] = [];
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const to = session.envelope.rcptTo.map((recipient) => recipient.address);
      simpleParser(stream)
        .then((parsed) => {
          this.arrived.push({ to, parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  static async start(): Promise<SmtpInbox> {
    const inbox = new SmtpInbox();
    await new Promise<void>((resolve, reject) => {
      inbox.server.once('error', reject);
      inbox.server.listen(0, '127.0.0.1', () => resolve());
    });
    return inbox;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The first mail to `address`, waiting for it as long as delivery may take (a job every minute). */
  async mailTo(address: string, timeoutMs = 120_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mail = this.arrived.find((m) => m.to.includes(address));
      if (mail) return mail.parsed;
      if (Date.now() > deadline) throw new Error(`No mail to ${address} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
