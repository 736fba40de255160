import { Injectable } from '@nestjs/common';
import { ProgrammeRepository } from '@tiltak/api-data-access';
import { type FocusAreaModel, toFocusAreaModel } from './models/focus-area.model';
import { type MunicipalityModel, toMunicipalityModel } from './models/municipality.model';
import { type ProgrammeModel, toProgrammeModel } from './models/programme.model';

@Injectable()
export class ProgrammeService {
  constructor(private readonly programmes: ProgrammeRepository) {}

  async currentProgramme(): Promise<ProgrammeModel | null> {
    const programme = await this.programmes.currentProgramme();
    return programme && toProgrammeModel(programme);
  }

  async municipalities(): Promise<MunicipalityModel[]> {
    const programme = await this.programmes.currentProgramme();
    if (!programme) return [];
    return (await this.programmes.municipalitiesOfRegion(programme.regionId)).map(toMunicipalityModel);
  }

  async focusAreas(): Promise<FocusAreaModel[]> {
    const programme = await this.programmes.currentProgramme();
    if (!programme) return [];
    return (await this.programmes.focusAreasOfProgramme(programme.id)).map(toFocusAreaModel);
  }
}
