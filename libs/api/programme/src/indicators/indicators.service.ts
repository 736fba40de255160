import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, badUserInput, type Caller, conflict, PolicyService } from '@tiltak/api-core';
import {
  type IndicatorEntity,
  IndicatorRepository,
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
        const [focusArea] = await this.programmes.focusAreasByIds([input.focusAreaId], tx);
        if (focusArea?.programmeId !== programme.id) {
          throw badUserInput('focusAreaId', `focusAreaId: no focus area ${input.focusAreaId}`, 'UNKNOWN_REFERENCE');
        }
      }
      const indicator = await this.indicatorRepository.createIndicator(tx, {
        programmeId: programme.id,
        focusAreaId: input.focusAreaId ?? null,
        name: input.name.trim(),
        unit: input.unit.trim(),
        baseline: input.baseline,
        target: input.target,
        targetYear: input.targetYear,
      });
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
      const after = await this.indicatorRepository.updateIndicatorIfVersion(
        tx,
        before.id,
        input.expectedVersion,
        patch,
      );
      if (!after) throw conflict('indicator', toIndicatorModel(before));
      tx.record({ entity: 'indicator', entityId: before.id, operation: 'UPDATE', before, after });
      return toIndicatorModel(after);
    });
  }

  async setIndicatorValue(caller: Caller, input: SetIndicatorValueInput): Promise<IndicatorValueModel> {
    this.policy.require(caller.viewer, { kind: 'RECORD_FOR_MUNICIPALITY', municipalityId: input.municipalityId });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      await this.indicatorOfProgramme(tx, input.indicatorId);
      const [municipality] = await this.programmes.municipalitiesByIds([input.municipalityId], tx);
      if (municipality?.regionId !== programme.regionId) {
        throw badUserInput(
          'municipalityId',
          `municipalityId: no municipality ${input.municipalityId}`,
          'UNKNOWN_REFERENCE',
        );
      }
      const key = { indicatorId: input.indicatorId, municipalityId: input.municipalityId, year: input.year };
      const entityId = `${key.indicatorId}:${key.municipalityId}:${key.year}`;
      const before = await this.indicatorRepository.value(key, tx);
      if (!before) {
        const created = await this.indicatorRepository.createValue(tx, key, input.value);
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
      const after = await this.indicatorRepository.updateValueIfVersion(tx, key, input.expectedVersion, input.value);
      if (!after) throw conflict('indicator value', toIndicatorValueModel(before));
      tx.record({ entity: 'indicator_value', entityId, operation: 'UPDATE', before, after });
      return toIndicatorValueModel(after);
    });
  }

  private async indicatorOfProgramme(tx: WriteTransaction, id: string): Promise<IndicatorEntity> {
    const indicator = await this.indicatorRepository.indicatorById(id, tx);
    if (indicator?.programmeId !== tx.programmeId) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `Indicator ${id} does not exist`, { field: 'indicatorId' });
    }
    return indicator;
  }
}
