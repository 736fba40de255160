/** What `GET /health` answers; the dashboard and the e2e tests read the same shape. */
export type DatabaseState = 'up' | 'down';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: DatabaseState;
  /** `embedded` when Tiltak runs its own PostgreSQL, `external` when DATABASE_URL was given. */
  databaseMode: 'embedded' | 'external';
  migrationsPending: number;
}
