import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, badUserInput, type Caller, conflict, PolicyService } from '@tiltak/api-core';
import { ProgrammeRepository, ProgrammeWriter } from '@tiltak/api-data-access';
import { isIsoDate } from '@tiltak/domain';
import { type AdoptionModel, toAdoptionModel } from '../models/indicator.model';
import { type FocusAreaModel, toFocusAreaModel } from '../models/focus-area.model';
import { type MunicipalityModel, toMunicipalityModel } from '../models/municipality.model';
import { type ProgrammeModel, toProgrammeModel } from '../models/programme.model';
import type { CreateFocusAreaInput, SetAdoptionInput, UpdateFocusAreaInput } from './dto/programme.inputs';
import { ProgrammeContext } from './programme-context';

@Injectable()
export class ProgrammeService {
  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async currentProgramme(): Promise<ProgrammeModel | null> {
    const programme = await this.programmes.currentProgramme();
    return programme && toProgrammeModel(programme);
  }

  async municipalities(): Promise<MunicipalityModel[]> {
    const programme = await this.programmes.currentProgramme();
    if (!programme) return [];
    return (await this.programmes.municipalitiesOfRegion(programme.regionId)).map(toMunicipalityModel);
  }

  async municipality(slug: string): Promise<MunicipalityModel | null> {
    const programme = await this.programmes.currentProgramme();
    const municipality = programme && (await this.programmes.municipalityBySlug(programme.regionId, slug));
    return municipality ? toMunicipalityModel(municipality) : null;
  }

  async focusAreas(): Promise<FocusAreaModel[]> {
    const programme = await this.programmes.currentProgramme();
    if (!programme) return [];
    return (await this.programmes.focusAreasOfProgramme(programme.id)).map(toFocusAreaModel);
  }

  async focusArea(id: string): Promise<FocusAreaModel | null> {
    const programme = await this.context.programme();
    const [focusArea] = await this.programmes.focusAreasByIds([id]);
    return focusArea?.programmeId === programme.id ? toFocusAreaModel(focusArea) : null;
  }

  async adoptions(): Promise<AdoptionModel[]> {
    const programme = await this.context.programme();
    return (await this.programmes.adoptionsOfProgramme(programme.id)).map(toAdoptionModel);
  }

  async createFocusArea(caller: Caller, input: CreateFocusAreaInput): Promise<FocusAreaModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const existing = await this.programmes.focusAreasOfProgramme(programme.id);
      if (existing.some((area) => area.code === input.code)) {
        throw badUserInput('code', `code: ${input.code} is already in use`, 'CODE_TAKEN');
      }
      const focusArea = await this.programmes.createFocusArea(tx, {
        programmeId: programme.id,
        code: input.code,
        name: input.name.trim(),
        description: input.description ?? '',
        sortOrder: Math.max(0, ...existing.map((area) => area.sortOrder)) + 1,
      });
      tx.record({ entity: 'focus_area', entityId: focusArea.id, operation: 'CREATE', before: null, after: focusArea });
      return toFocusAreaModel(focusArea);
    });
  }

  async updateFocusArea(caller: Caller, input: UpdateFocusAreaInput): Promise<FocusAreaModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const [before] = await this.programmes.focusAreasByIds([input.focusAreaId], tx);
      if (!before || before.programmeId !== programme.id) {
        throw new ApiError(ApiErrorCode.NOT_FOUND, `Focus area ${input.focusAreaId} does not exist`, {
          field: 'focusAreaId',
        });
      }
      const patch = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.description !== undefined && { description: input.description }),
      };
      const after = await this.programmes.updateFocusAreaIfVersion(tx, before.id, input.expectedVersion, patch);
      if (!after) throw conflict('focus area', toFocusAreaModel(before));
      tx.record({ entity: 'focus_area', entityId: before.id, operation: 'UPDATE', before, after });
      return toFocusAreaModel(after);
    });
  }

  /** Creates or moves on a municipality's decision; an existing one changes only at its current version. */
  async setAdoption(caller: Caller, input: SetAdoptionInput): Promise<AdoptionModel> {
    this.policy.require(caller.viewer, { kind: 'RECORD_FOR_MUNICIPALITY', municipalityId: input.municipalityId });
    const programme = await this.context.programme();
    if (input.decidedOn !== undefined && !isIsoDate(input.decidedOn)) {
      throw badUserInput('decidedOn', `decidedOn: ${input.decidedOn} is not a calendar date`, 'INVALID_DATE');
    }
    if (input.status !== 'PROPOSED' && !input.decidedOn) {
      throw badUserInput('decidedOn', 'decidedOn: an adopted or rejected decision has a date', 'DECISION_NEEDS_DATE');
    }
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const [municipality] = await this.programmes.municipalitiesByIds([input.municipalityId], tx);
      if (!municipality || municipality.regionId !== programme.regionId) {
        throw badUserInput(
          'municipalityId',
          `municipalityId: no municipality ${input.municipalityId}`,
          'UNKNOWN_REFERENCE',
        );
      }
      if (input.focusAreaId) {
        const [focusArea] = await this.programmes.focusAreasByIds([input.focusAreaId], tx);
        if (!focusArea || focusArea.programmeId !== programme.id) {
          throw badUserInput('focusAreaId', `focusAreaId: no focus area ${input.focusAreaId}`, 'UNKNOWN_REFERENCE');
        }
      }
      const subject = {
        programmeId: programme.id,
        municipalityId: municipality.id,
        focusAreaId: input.focusAreaId ?? null,
      };
      const decision = {
        status: input.status,
        decidedOn: input.decidedOn ?? null,
        caseReference: input.caseReference.trim(),
      };
      const before = await this.programmes.adoption(subject, tx);
      if (!before) {
        const created = await this.programmes.createAdoption(tx, subject, decision);
        tx.record({ entity: 'adoption', entityId: created.id, operation: 'CREATE', before: null, after: created });
        return toAdoptionModel(created);
      }
      if (input.expectedVersion === undefined) {
        throw badUserInput(
          'expectedVersion',
          'expectedVersion: this decision exists already; give its version',
          'VERSION_REQUIRED',
        );
      }
      const after = await this.programmes.updateAdoptionIfVersion(tx, before.id, input.expectedVersion, decision);
      if (!after) throw conflict('decision', toAdoptionModel(before));
      tx.record({ entity: 'adoption', entityId: before.id, operation: 'UPDATE', before, after });
      return toAdoptionModel(after);
    });
  }
}
