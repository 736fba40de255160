import { type ParsedMail, simpleParser } from 'mailparser';
import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as it arrived: the envelope's recipients and the parsed message. */
export interface ArrivedMail {
  to: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server inside an integration or browser test, on a loopback port: it takes what Tiltak sends, parses it
 * (mailparser), and can refuse the next messages the way a server with a full queue does (451).
 */
export class SmtpPeer {
  readonly arrived: ArrivedMail[] = [];
  private refusals = 0;
  private readonly arrivals = new EventEmitter();
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        simpleParser(stream)
          .then((parsed) => {
            if (this.refusals > 0) {
              this.refusals -= 1;
              return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
            }
            this.arrived.push({ to, parsed });
            this.arrivals.emit('arrived');
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
  }

  static async start(): Promise<SmtpPeer> {
    const peer = new SmtpPeer();
    await new Promise<void>((resolve, reject) => {
      peer.server.once('error', reject);
      peer.server.listen(0, '127.0.0.1', () => resolve());
    });
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** The first mail to `address`, waiting for it as long as delivery may take (a job every minute). */
  async mailTo(address: string, timeoutMs = 120_000): Promise<ParsedMail> {
    const signal = AbortSignal.timeout(timeoutMs);
    for (;;) {
      const mail = this.arrived.find((m) => m.to.includes(address));
      if (mail) return mail.parsed;
      await once(this.arrivals, 'arrived', { signal }).catch(() => {
        throw new Error(`No mail to ${address} within ${timeoutMs} ms`);
      });
    }
  }

  /** The next `count` messages are refused with a temporary error. */
  refuseNext(count: number): void {
    this.refusals = count;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
