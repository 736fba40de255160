import type { Logger } from 'typeorm';

/** A TypeORM logger that reports each statement and nothing else. */
export class QueryObserver implements Logger {
  constructor(private readonly onQuery: (sql: string) => void) {}

  logQuery(query: string): void {
    this.onQuery(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
