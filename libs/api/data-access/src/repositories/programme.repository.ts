import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FocusAreaEntity, MunicipalityEntity, ProgrammeEntity } from '../entities';

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
}
