import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { AdoptionEntity, FocusAreaEntity, MunicipalityEntity, ProgrammeEntity } from '../entities';
import { updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

export type FocusAreaFields = Pick<FocusAreaEntity, 'programmeId' | 'code' | 'name' | 'description' | 'sortOrder'>;

export type FocusAreaPatch = Partial<Pick<FocusAreaEntity, 'name' | 'description' | 'goalId' | 'innovationPriorityId'>>;

/** Where a decision belongs: a municipality, and the whole programme (no focus area) or one focus area. */
export type AdoptionSubject = Pick<AdoptionEntity, 'programmeId' | 'municipalityId' | 'focusAreaId'>;

export type AdoptionDecision = Pick<AdoptionEntity, 'status' | 'decidedOn' | 'caseReference'>;

/** The programme's frame: the programme itself, its region's municipalities, its focus areas and their adoption. */
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

  municipalitiesByIds(
    ids: readonly string[],
    scope: QueryScope = this.dataSource.manager,
  ): Promise<MunicipalityEntity[]> {
    return managerOf(scope).findBy(MunicipalityEntity, { id: In([...ids]) });
  }

  municipalityBySlug(regionId: string, slug: string): Promise<MunicipalityEntity | null> {
    return this.dataSource.manager.findOneBy(MunicipalityEntity, { regionId, slug });
  }

  focusAreasByIds(ids: readonly string[], scope: QueryScope = this.dataSource.manager): Promise<FocusAreaEntity[]> {
    return managerOf(scope).findBy(FocusAreaEntity, { id: In([...ids]) });
  }

  createFocusArea(tx: WriteTransaction, fields: FocusAreaFields): Promise<FocusAreaEntity> {
    return managerOf(tx).save(managerOf(tx).create(FocusAreaEntity, fields));
  }

  /** The focus area after the patch, or null when it is no longer at `expectedVersion`. */
  updateFocusAreaIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: FocusAreaPatch,
  ): Promise<FocusAreaEntity | null> {
    return updateIfVersion(tx, FocusAreaEntity, { id }, expectedVersion, patch);
  }

  adoptionsOfProgramme(programmeId: string): Promise<AdoptionEntity[]> {
    return this.dataSource.manager.find(AdoptionEntity, { where: { programmeId }, order: { decidedOn: 'ASC' } });
  }

  adoption(subject: AdoptionSubject, scope: QueryScope = this.dataSource.manager): Promise<AdoptionEntity | null> {
    return managerOf(scope).findOneBy(AdoptionEntity, {
      programmeId: subject.programmeId,
      municipalityId: subject.municipalityId,
      focusAreaId: subject.focusAreaId ?? IsNull(),
    });
  }

  createAdoption(tx: WriteTransaction, subject: AdoptionSubject, decision: AdoptionDecision): Promise<AdoptionEntity> {
    return managerOf(tx).save(managerOf(tx).create(AdoptionEntity, { ...subject, ...decision }));
  }

  /** The decision after the change, or null when it is no longer at `expectedVersion`. */
  updateAdoptionIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    decision: AdoptionDecision,
  ): Promise<AdoptionEntity | null> {
    return updateIfVersion(tx, AdoptionEntity, { id }, expectedVersion, decision);
  }
}
