import type { EntityManager } from 'typeorm';
import { managerOf as transactionManager, WriteTransaction } from '../change-log/write-transaction';

/**
 * Where a query runs: inside a write, so it sees the write's own rows, or on a plain entity manager.
 * Code outside the repositories passes the transaction and never reaches for its manager.
 */
export type QueryScope = WriteTransaction | EntityManager;

export function managerOf(scope: QueryScope): EntityManager {
  return scope instanceof WriteTransaction ? transactionManager(scope) : scope;
}
