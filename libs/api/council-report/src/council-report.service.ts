import { Injectable } from '@nestjs/common';
import { SnapshotRepository } from '@tiltak/api-data-access';
import { compareSnapshots } from '@tiltak/domain';
import type { ReportLanguage } from './lib/catalogue';
import type { CouncilReportInput } from './lib/report-content';

/** Snapshot ids are UUIDs; anything else names no snapshot and is not sent to the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a report is made of, read from stored snapshots only: the one asked for and, when there is
 * one, what changed since the snapshot taken before it in the same programme. Nothing live is
 * read, so a report made from a snapshot says the same whatever was written afterwards.
 */
@Injectable()
export class CouncilReportService {
  constructor(private readonly snapshots: SnapshotRepository) {}

  async reportInput(snapshotId: string, language: ReportLanguage): Promise<CouncilReportInput | null> {
    if (!UUID.test(snapshotId)) return null;
    const snapshot = await this.snapshots.findSnapshot(snapshotId);
    if (!snapshot) return null;
    const previous = await this.snapshots.previousSnapshot(snapshot);
    return {
      snapshot,
      previous: previous && {
        title: previous.title,
        asOf: previous.document.asOf,
        changes: compareSnapshots(previous.document, snapshot.document),
      },
      language,
    };
  }
}
