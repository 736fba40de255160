import type { NewSnapshot, SnapshotRepository, StoredSnapshot, WriteTransaction } from '@tiltak/api-data-access';

/**
 * Takes a snapshot inside a write and logs it, so live views hear of it. The change carries the
 * snapshot's head, not its document: the document is read through the snapshot queries, which
 * check who may see it.
 */
export async function takeSnapshot(
  tx: WriteTransaction,
  snapshots: SnapshotRepository,
  snapshot: NewSnapshot,
): Promise<StoredSnapshot> {
  const taken = await snapshots.take(tx, snapshot);
  const head = {
    id: taken.id,
    programmeId: taken.programmeId,
    title: taken.title,
    trigger: taken.trigger,
    roundId: taken.roundId,
    takenAt: taken.takenAt,
  };
  tx.record({ entity: 'council_snapshot', entityId: taken.id, operation: 'CREATE', before: null, after: head });
  return taken;
}
