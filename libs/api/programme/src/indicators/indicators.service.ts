import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, badUserInput, type Caller, conflict, PolicyService } from '@tiltak/api-core';
import {
  IndicatorEntity,
  IndicatorRepository,
  IndicatorValueEntity,
  ProgrammeRepository,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import {
  type IndicatorModel,
  type IndicatorValueModel,
  toIndicatorModel,
  toIndicatorValueModel,
} from '../models/indicator.model';
import { ProgrammeContext } from '../programme/programme-context';
import type { CreateIndicatorInput, SetIndicatorValueInput, UpdateIndicatorInput } from './dto/indicator.inputs';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly indicatorRepository: IndicatorRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async indicators(focusAreaId?: string): Promise<IndicatorModel[]> {
    const programme = await this.context.programme();
    return (await this.indicatorRepository.indicatorsOfProgramme(programme.id, focusAreaId)).map(toIndicatorModel);
  }

  async createIndicator(caller: Caller, input: CreateIndicatorInput): Promise<IndicatorModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      if (input.focusAreaId) {
        const [focusArea] = await this.programmes.focusAreasByIds([input.focusAreaId], tx.manager);
        if (focusArea?.programmeId !== programme.id) {
          throw badUserInput('focusAreaId', `focusAreaId: no focus area ${input.focusAreaId}`, 'UNKNOWN_REFERENCE');
        }
      }
      const indicator = await tx.manager.save(
        tx.manager.create(IndicatorEntity, {
          programmeId: programme.id,
          focusAreaId: input.focusAreaId ?? null,
          name: input.name.trim(),
          unit: input.unit.trim(),
          baseline: input.baseline,
          target: input.target,
          targetYear: input.targetYear,
        }),
      );
      tx.record({ entity: 'indicator', entityId: indicator.id, operation: 'CREATE', before: null, after: indicator });
      return toIndicatorModel(indicator);
    });
  }

  async updateIndicator(caller: Caller, input: UpdateIndicatorInput): Promise<IndicatorModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.indicatorOfProgramme(tx, input.indicatorId);
      const patch = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.unit !== undefined && { unit: input.unit.trim() }),
        ...(input.baseline !== undefined && { baseline: input.baseline }),
        ...(input.target !== undefined && { target: input.target }),
        ...(input.targetYear !== undefined && { targetYear: input.targetYear }),
      };
      if (!(await tx.updateIfVersion(IndicatorEntity, { id: before.id }, input.expectedVersion, patch))) {
        throw conflict('indicator', toIndicatorModel(before));
      }
      const after = (await this.indicatorRepository.indicatorById(before.id, tx.manager)) as IndicatorEntity;
      tx.record({ entity: 'indicator', entityId: before.id, operation: 'UPDATE', before, after });
      return toIndicatorModel(after);
    });
  }

  async setIndicatorValue(caller: Caller, input: SetIndicatorValueInput): Promise<IndicatorValueModel> {
    this.policy.require(caller.viewer, { kind: 'RECORD_FOR_MUNICIPALITY', municipalityId: input.municipalityId });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      await this.indicatorOfProgramme(tx, input.indicatorId);
      const [municipality] = await this.programmes.municipalitiesByIds([input.municipalityId], tx.manager);
      if (municipality?.regionId !== programme.regionId) {
        throw badUserInput(
          'municipalityId',
          `municipalityId: no municipality ${input.municipalityId}`,
          'UNKNOWN_REFERENCE',
        );
      }
      const key = { indicatorId: input.indicatorId, municipalityId: input.municipalityId, year: input.year };
      const entityId = `${key.indicatorId}:${key.municipalityId}:${key.year}`;
      const before = await this.indicatorRepository.value(key.indicatorId, key.municipalityId, key.year, tx.manager);
      if (!before) {
        const created = await tx.manager.save(tx.manager.create(IndicatorValueEntity, { ...key, value: input.value }));
        tx.record({ entity: 'indicator_value', entityId, operation: 'CREATE', before: null, after: created });
        return toIndicatorValueModel(created);
      }
      if (input.expectedVersion === undefined) {
        throw badUserInput(
          'expectedVersion',
          'expectedVersion: this value exists already; give its version',
          'VERSION_REQUIRED',
        );
      }
      const updated = await tx.updateIfVersion(
        IndicatorValueEntity,
        { indicator_id: key.indicatorId, municipality_id: key.municipalityId, year: String(key.year) },
        input.expectedVersion,
        { value: input.value },
      );
      if (!updated) throw conflict('indicator value', toIndicatorValueModel(before));
      const after = (await this.indicatorRepository.value(
        key.indicatorId,
        key.municipalityId,
        key.year,
        tx.manager,
      )) as IndicatorValueEntity;
      tx.record({ entity: 'indicator_value', entityId, operation: 'UPDATE', before, after });
      return toIndicatorValueModel(after);
    });
  }

  private async indicatorOfProgramme(tx: WriteTransaction, id: string): Promise<IndicatorEntity> {
    const indicator = await this.indicatorRepository.indicatorById(id, tx.manager);
    if (indicator?.programmeId !== tx.programmeId) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `Indicator ${id} does not exist`, { field: 'indicatorId' });
    }
    return indicator;
  }
}
