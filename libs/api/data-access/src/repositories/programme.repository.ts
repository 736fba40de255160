import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { AdoptionEntity, FocusAreaEntity, MunicipalityEntity, ProgrammeEntity } from '../entities';

/** Reads of the programme's frame: the programme itself, its region's municipalities, its focus areas. */
@Injectable()
export class ProgrammeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The programme whose period is the latest; Tiltak shows one programme at a time today. */
  currentProgramme(): Promise<ProgrammeEntity | null> {
    return this.dataSource.getRepository(ProgrammeEntity).findOne({
      where: {},
      order: { endYear: 'DESC', createdAt: 'DESC' },
    });
  }

  municipalitiesOfRegion(regionId: string): Promise<MunicipalityEntity[]> {
    return this.dataSource.getRepository(MunicipalityEntity).find({ where: { regionId }, order: { name: 'ASC' } });
  }

  focusAreasOfProgramme(programmeId: string): Promise<FocusAreaEntity[]> {
    return this.dataSource
      .getRepository(FocusAreaEntity)
      .find({ where: { programmeId }, order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  municipalitiesByIds(ids: readonly string[], manager = this.dataSource.manager): Promise<MunicipalityEntity[]> {
    return manager.findBy(MunicipalityEntity, { id: In([...ids]) });
  }

  municipalityBySlug(regionId: string, slug: string): Promise<MunicipalityEntity | null> {
    return this.dataSource.manager.findOneBy(MunicipalityEntity, { regionId, slug });
  }

  focusAreasByIds(ids: readonly string[], manager = this.dataSource.manager): Promise<FocusAreaEntity[]> {
    return manager.findBy(FocusAreaEntity, { id: In([...ids]) });
  }

  adoptionsOfProgramme(programmeId: string): Promise<AdoptionEntity[]> {
    return this.dataSource.manager.find(AdoptionEntity, { where: { programmeId }, order: { decidedOn: 'ASC' } });
  }

  adoption(programmeId: string, municipalityId: string, focusAreaId: string | null, manager = this.dataSource.manager) {
    return manager.findOneBy(AdoptionEntity, {
      programmeId,
      municipalityId,
      focusAreaId: focusAreaId ?? IsNull(),
    });
  }
}
