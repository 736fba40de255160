import { assessHealth, compareActionCodes, osloDate, registerKindOf } from '@tiltak/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ActionEntity, IndicatorEntity, IndicatorValueEntity, StatusUpdateEntity } from '../entities';
import { FundingRepository } from '../repositories/funding.repository';
import { GoalRepository } from '../repositories/goal.repository';
import { IndicatorRepository } from '../repositories/indicator.repository';
import { NetworkRepository } from '../repositories/network.repository';
import { ProgressRepository } from '../repositories/progress.repository';
import { SnapshotBuilder } from '../repositories/snapshot-builder';

const MEETING_DATE = new Intl.DateTimeFormat('nb-NO', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Oslo',
});

/**
 * The demo's last council meeting: a snapshot taken by hand on the demo as loaded, then a few
 * things that happened since (an action put on hold, one judged at risk by its lead, a new
 * indicator value), so "since the last council report" has something to show on a fresh start.
 * Call it after the kept figures are built; it builds them again after its own changes.
 */
export async function loadDemoSnapshot(
  dataSource: DataSource,
  manager: EntityManager,
  programmeId: string,
  now: Date,
): Promise<void> {
  const builder = new SnapshotBuilder(
    new ProgressRepository(dataSource),
    new FundingRepository(dataSource),
    new GoalRepository(dataSource),
    new IndicatorRepository(dataSource),
    new NetworkRepository(dataSource),
  );
  const document = await builder.build(manager, programmeId, now);
  await manager.query(
    `INSERT INTO council_snapshot (programme_id, title, trigger, taken_at, document) VALUES ($1, $2, 'MANUAL', $3, $4::jsonb)`,
    [programmeId, `Regionrådsmøte ${MEETING_DATE.format(now)}`, now, JSON.stringify(document)],
  );

  const today = osloDate(now);
  const actions = (await manager.find(ActionEntity, { where: { programmeId, status: 'IN_PROGRESS' } }))
    .filter((a) => a.healthOverride === null && assessHealth({ ...a, today }).health === 'ON_TRACK')
    .sort((a, b) => compareActionCodes(a.code, b.code));
  const [paused, risky] = actions;
  if (paused) {
    await manager.update(ActionEntity, { id: paused.id }, { status: 'ON_HOLD' });
    await manager.insert(StatusUpdateEntity, {
      actionId: paused.id,
      createdAt: now,
      status: 'ON_HOLD',
      progress: paused.progress,
      health: 'ON_TRACK',
      comment: 'Satt på vent til fylkeskommunen har avklart medfinansieringen.',
      authorName: 'Næringskoordinator i Nes',
    });
  }
  if (risky) {
    await manager.update(
      ActionEntity,
      { id: risky.id },
      { healthOverride: 'AT_RISK', healthOverrideComment: 'Leverandøren har varslet tre måneders forsinkelse.' },
    );
  }
  const [indicator] = (await manager.find(IndicatorEntity, { where: { programmeId }, order: { name: 'ASC' } })).filter(
    (i) => registerKindOf(i.source) === null,
  );
  // A figure for the latest year the official statistics cover, where a municipality had none yet.
  const [gap] = indicator
    ? ((await manager.query(
        `SELECT mu.id AS "municipalityId", max(v.year)::int AS year
           FROM municipality mu CROSS JOIN indicator_value v
          WHERE v.indicator_id = $1
            AND NOT EXISTS (SELECT 1 FROM indicator_value o
                             WHERE o.indicator_id = $1 AND o.municipality_id = mu.id AND o.year = v.year)
          GROUP BY mu.id, mu.name ORDER BY max(v.year) DESC, mu.name LIMIT 1`,
        [indicator.id],
      )) as { municipalityId: string; year: number }[])
    : [];
  if (indicator && gap) {
    await manager.insert(IndicatorValueEntity, {
      indicatorId: indicator.id,
      ...gap,
      value: Number(indicator.baseline),
    });
  }
  await manager.query('SELECT tiltak_rebuild_figures($1::date)', [today]);
}
