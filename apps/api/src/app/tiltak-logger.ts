import { ConsoleLogger } from '@nestjs/common';

const NEST_APPLICATION = 'NestApplication';

/**
 * Nest's console logger without two lines of its own that mislead: "successfully started", which
 * it says before the port is open (Tiltak says it is running once it listens), and its copy of a
 * failed listen, which Tiltak reports as one sentence with the fix.
 */
export class TiltakLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === NEST_APPLICATION && message === 'Nest application successfully started') return;
    super.log(message, ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === NEST_APPLICATION && /^Error: listen /.test(String(message))) return;
    super.error(message, ...rest);
  }
}
