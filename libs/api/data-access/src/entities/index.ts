import { FocusAreaEntity } from './focus-area.entity';
import { MunicipalityEntity } from './municipality.entity';
import { ProgrammeEntity } from './programme.entity';
import { RegionEntity } from './region.entity';

export { FocusAreaEntity, MunicipalityEntity, ProgrammeEntity, RegionEntity };

export const ENTITIES = [RegionEntity, MunicipalityEntity, ProgrammeEntity, FocusAreaEntity];
