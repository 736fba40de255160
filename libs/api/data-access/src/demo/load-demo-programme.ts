import type { DataSource } from 'typeorm';
import { FocusAreaEntity, MunicipalityEntity, ProgrammeEntity, RegionEntity } from '../entities';
import { DEMO_FOCUS_AREAS, DEMO_MUNICIPALITIES, DEMO_PROGRAMME, DEMO_REGION } from './demo-programme';

/**
 * Loads the demo programme when the database holds no programme yet, in one transaction, so a
 * crash half-way leaves an empty database that the next start fills again. Returns whether it loaded.
 */
export async function loadDemoProgrammeIfEmpty(dataSource: DataSource): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    // Two instances starting together on one empty database must not both load it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tiltak:demo-programme'))`);
    if (await manager.exists(ProgrammeEntity)) return false;

    const region = await manager.save(manager.create(RegionEntity, DEMO_REGION));
    await manager.save(
      DEMO_MUNICIPALITIES.map((municipality) =>
        manager.create(MunicipalityEntity, { ...municipality, regionId: region.id }),
      ),
    );
    const programme = await manager.save(manager.create(ProgrammeEntity, { ...DEMO_PROGRAMME, regionId: region.id }));
    await manager.save(
      DEMO_FOCUS_AREAS.map((area, index) =>
        manager.create(FocusAreaEntity, { ...area, programmeId: programme.id, sortOrder: index + 1 }),
      ),
    );
    return true;
  });
}
