import type { Logger } from 'typeorm';

/** A TypeORM logger that reports each statement and nothing else. */
export class QueryObserver implements Logger {
  constructor(private readonly onQuery: (sql: string) => void) {}

  logQuery(query: string): void {
    this.onQuery(query);
  }

  // Errors, slow queries, schema and migration messages are not statements the app sent.
  logQueryError(): void {
    return undefined;
  }

  logQuerySlow(): void {
    return undefined;
  }

  logSchemaBuild(): void {
    return undefined;
  }

  logMigration(): void {
    return undefined;
  }

  log(): void {
    return undefined;
  }
}
