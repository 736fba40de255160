import { osloDate } from '@tiltak/domain';

/**
 * What time it is, as every rule that depends on it asks: deadlines, lateness, reminders, closing
 * rounds. One injectable source, so tests with several API instances can move time for all of them.
 */
export abstract class Clock {
  abstract now(): Date;

  /** The date in Oslo now, YYYY-MM-DD: Tiltak's calendar is Norway's. */
  today(): string {
    return osloDate(this.now());
  }
}

/** The machine's own clock. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock a test sets and moves; share one between API instances to move them together. */
export class SettableClock extends Clock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date): void {
    this.current = new Date(to);
  }
}
