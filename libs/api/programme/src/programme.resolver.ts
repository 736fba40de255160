import { Query, Resolver } from '@nestjs/graphql';
import { FocusAreaModel } from './models/focus-area.model';
import { MunicipalityModel } from './models/municipality.model';
import { ProgrammeModel } from './models/programme.model';
import { ProgrammeService } from './programme.service';

@Resolver()
export class ProgrammeResolver {
  constructor(private readonly programme: ProgrammeService) {}

  @Query(() => ProgrammeModel, { nullable: true, description: 'The programme Tiltak tracks.' })
  currentProgramme(): Promise<ProgrammeModel | null> {
    return this.programme.currentProgramme();
  }

  @Query(() => [MunicipalityModel], { description: 'The municipalities of the programme’s region, by name.' })
  municipalities(): Promise<MunicipalityModel[]> {
    return this.programme.municipalities();
  }

  @Query(() => [FocusAreaModel], { description: 'The programme’s focus areas, in the plan’s order.' })
  focusAreas(): Promise<FocusAreaModel[]> {
    return this.programme.focusAreas();
  }
}
