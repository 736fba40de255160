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
import { isComputedSource, type IndicatorSource, sourceReferenceProblem } from '@tiltak/domain';

/** What a refused source reference says, by the domain's reason. */
const SOURCE_REFERENCE_MESSAGES = {
  SSB_TABLE_ID: 'sourceReference: an SSB source needs the table id, five digits such as 07459',
  REFERENCE_REQUIRED: 'sourceReference: name the source',
  NO_REFERENCE_FOR_REGISTER: 'sourceReference: a register indicator comes from the register in Tiltak; leave it empty',
} as const;

function checkSource(source: IndicatorSource, reference: string | null): void {
  const problem = sourceReferenceProblem(source, reference);
  if (problem) throw badUserInput('sourceReference', SOURCE_REFERENCE_MESSAGES[problem], problem);
}

/** An empty reference is none. */
const referenceOf = (text: string | null | undefined) => text?.trim() || null;

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

  async indicator(id: string): Promise<IndicatorModel | null> {
    const programme = await this.context.programme();
    const indicator = await this.indicatorRepository.indicatorById(id);
    return indicator?.programmeId === programme.id ? toIndicatorModel(indicator) : null;
  }

  async createIndicator(caller: Caller, input: CreateIndicatorInput): Promise<IndicatorModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    const source = input.source ?? 'MANUAL';
    const sourceReference = referenceOf(input.sourceReference);
    checkSource(source, sourceReference);
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
        source,
        sourceReference,
        publicationLagMonths: input.publicationLagMonths ?? 0,
        summable: input.summable ?? true,
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
        ...(input.source != null && { source: input.source }),
        ...(input.sourceReference !== undefined && { sourceReference: referenceOf(input.sourceReference) }),
        ...(input.publicationLagMonths != null && { publicationLagMonths: input.publicationLagMonths }),
        ...(input.summable != null && { summable: input.summable }),
      };
      // Typed values of an indicator turned into a register one are kept, not shown: turning it back shows them.
      const merged = { ...before, ...patch };
      checkSource(merged.source, merged.sourceReference);
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
      // Held while the value is written: an indicator turned into a register one in between takes no typed value.
      const indicator = await this.indicatorOfProgramme(tx, input.indicatorId, { lock: true });
      if (isComputedSource(indicator.source)) {
        throw badUserInput(
          'indicatorId',
          `indicatorId: ${indicator.name} is computed from the register of networks and clusters; record the network and its members instead`,
          'COMPUTED',
        );
      }
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

  private async indicatorOfProgramme(
    tx: WriteTransaction,
    id: string,
    { lock = false } = {},
  ): Promise<IndicatorEntity> {
    const indicator = lock
      ? await this.indicatorRepository.shareIndicator(tx, id)
      : await this.indicatorRepository.indicatorById(id, tx);
    if (indicator?.programmeId !== tx.programmeId) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `Indicator ${id} does not exist`, { field: 'indicatorId' });
    }
    return indicator;
  }
}
