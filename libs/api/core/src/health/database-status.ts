import { Injectable, type OnModuleDestroy } from '@nestjs/common';

/**
 * A lost connection that comes back within this long (a restarted listener, a network blip) is
 * not worth telling every open page about.
 */
const GRACE_MS = 1_000;

type Listener = (reachable: boolean) => void;

/**
 * Whether this instance can reach its database, as its change feed finds out: the feed holds the
 * one connection that is always open, so it hears first when the server goes and when it is back.
 * Live connections pass it on to the pages, which then say they are waiting for the database
 * instead of looking stuck, and fetch what they show again once it is back.
 */
@Injectable()
export class DatabaseStatus implements OnModuleDestroy {
  private readonly listeners = new Set<Listener>();
  private away = false;
  private announced = false;
  private grace?: NodeJS.Timeout;

  /** False from when the loss has been announced until the database is back. */
  get reachable(): boolean {
    return !this.announced;
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  lost(): void {
    if (this.away) return;
    this.away = true;
    this.grace = setTimeout(() => {
      this.announced = true;
      this.tell(false);
    }, GRACE_MS);
    this.grace.unref();
  }

  restored(): void {
    if (!this.away) return;
    this.away = false;
    clearTimeout(this.grace);
    if (!this.announced) return;
    this.announced = false;
    this.tell(true);
  }

  onModuleDestroy(): void {
    clearTimeout(this.grace);
  }

  private tell(reachable: boolean): void {
    for (const listener of this.listeners) listener(reachable);
  }
}
