import { Injectable, type Type } from '@nestjs/common';
import { type Caller, inputValidationPipe } from '@tiltak/api-core';
import type { ExchangeLanguage } from '@tiltak/api-exchange';
import { ActionsService } from '../actions/actions.service';
import { CreateActionInput, UpdateActionInput, UpdateActionStatusInput } from '../actions/dto/action.inputs';
import { AddInvolvementInput, UpdateInvolvementInput } from '../actions/dto/involvement.inputs';
import { CreateMilestoneInput, MilestoneVersionInput, UpdateMilestoneInput } from '../actions/dto/milestone.inputs';
import { InvolvementsService } from '../actions/involvements.service';
import { MilestonesService } from '../actions/milestones.service';
import { SetActionBudgetInput } from '../funding/dto/funding.inputs';
import { FundingService } from '../funding/funding.service';
import { SetActionGoalsInput } from '../goals/dto/goal.inputs';
import { GoalLinksService } from '../goals/goal-links.service';
import { SetIndicatorValueInput } from '../indicators/dto/indicator.inputs';
import { IndicatorsService } from '../indicators/indicators.service';
import { CreatePartyInput, UpdatePartyInput } from '../parties/dto/party.inputs';
import { PartiesService } from '../parties/parties.service';
import type { ImportIds } from './import-ids';
import { LEVEL_LABELS, PARTY_KIND_LABELS, ROLE_LABELS, STATUS_LABELS, valueOfLabel } from './import-labels';
import type { PlannedChange } from './import-planner';
import { listItems } from './exchange-values';

/** The history's comment on a status an import set. */
const STATUS_COMMENT: Record<ExchangeLanguage, string> = {
  nb: 'Endret ved import fra regneark',
  en: 'Changed by a spreadsheet import',
};

/**
 * Each planned row as the ordinary writes the dashboard makes: its input checked by the same rules
 * as a GraphQL input, then the service, which checks the caller's permission on the record.
 */
@Injectable()
export class ImportWrites {
  private readonly pipe = inputValidationPipe();

  constructor(
    private readonly parties: PartiesService,
    private readonly actions: ActionsService,
    private readonly goalLinks: GoalLinksService,
    private readonly funding: FundingService,
    private readonly milestones: MilestonesService,
    private readonly involvements: InvolvementsService,
    private readonly indicators: IndicatorsService,
  ) {}

  async party(caller: Caller, change: PlannedChange, ids: ImportIds): Promise<void> {
    const v = change.values;
    const has = (field: string) => field in v && (change.change === 'CREATE' || changed(change, field));
    const fields = {
      ...(has('name') && { name: v['name'] }),
      ...(has('kind') && { kind: valueOfLabel(PARTY_KIND_LABELS, v['kind'] ?? '') }),
      ...(has('organisationNumber') && { organisationNumber: v['organisationNumber'] }),
      ...(has('homeMunicipality') && {
        homeMunicipalityId: v['homeMunicipality'] === null ? null : ids.municipality(v['homeMunicipality']),
      }),
      ...(has('website') && { website: v['website'] }),
      ...(has('contactName') && { contactName: v['contactName'] }),
      ...(has('contactEmail') && { contactEmail: v['contactEmail'] }),
    };
    if (change.current) {
      const input = { partyId: change.current.id, expectedVersion: change.current.version, ...fields };
      const updated = await this.parties.updateParty(caller, await this.valid(UpdatePartyInput, input));
      // Renamed (found by its organisation number): other sheets of the file may use the new name.
      ids.created('party', updated.name, updated.id);
      return;
    }
    const created = await this.parties.createParty(caller, await this.valid(CreatePartyInput, dropNulls(fields)));
    ids.created('party', created.name, created.id);
  }

  async action(caller: Caller, change: PlannedChange, ids: ImportIds, language: ExchangeLanguage): Promise<void> {
    const v = change.values;
    const has = (field: string) => field in v && changed(change, field);
    let actionId: string;
    let version: number;
    if (change.current) {
      ({ id: actionId, version } = change.current);
      const fields = {
        ...(has('title') && { title: v['title'] }),
        ...(has('description') && { description: v['description'] ?? '' }),
        ...(has('focusArea') && { focusAreaId: ids.focusArea(v['focusArea']) }),
        ...(has('municipalities') && { municipalityIds: listItems(v['municipalities'] ?? null).map(ids.municipality) }),
        ...(has('startDate') && { startDate: v['startDate'] }),
        ...(has('dueDate') && { dueDate: v['dueDate'] }),
        ...(has('weight') && { weight: Number(v['weight']) }),
        ...(has('caseReference') && { caseReference: v['caseReference'] }),
      };
      if (Object.keys(fields).length > 0) {
        const input = await this.valid(UpdateActionInput, { actionId, expectedVersion: version, ...fields });
        version = (await this.actions.updateAction(caller, input)).action.version;
      }
    } else {
      const input = {
        code: v['code'],
        title: v['title'],
        description: v['description'] ?? undefined,
        focusAreaId: ids.focusArea(v['focusArea']),
        municipalityIds: listItems(v['municipalities'] ?? null).map(ids.municipality),
        startDate: v['startDate'],
        dueDate: v['dueDate'],
        weight: v['weight'] ? Number(v['weight']) : undefined,
      };
      const created = await this.actions.createAction(caller, await this.valid(CreateActionInput, dropNulls(input)));
      ({ id: actionId, version } = created);
      ids.created('action', created.code, actionId);
      if (has('caseReference')) {
        const patch = { actionId, expectedVersion: version, caseReference: v['caseReference'] };
        version = (await this.actions.updateAction(caller, await this.valid(UpdateActionInput, patch))).action.version;
      }
    }
    // A new action starts as not started: only another status is a write of its own.
    if (has('status') && (change.current || valueOfLabel(STATUS_LABELS, v['status'] ?? '') !== 'NOT_STARTED')) {
      const status = valueOfLabel(STATUS_LABELS, v['status'] ?? '');
      const input = { actionId, expectedVersion: version, status, comment: STATUS_COMMENT[language] };
      version = (await this.actions.updateActionStatus(caller, await this.valid(UpdateActionStatusInput, input))).action
        .version;
    }
    if (has('goals')) {
      const input = { actionId, expectedVersion: version, goalIds: listItems(v['goals'] ?? null).map(ids.goal) };
      version = (await this.goalLinks.setActionGoals(caller, await this.valid(SetActionGoalsInput, input))).action
        .version;
    }
    if (has('budget')) {
      const budget = v['budget'] === null ? null : Number(v['budget']);
      const input = await this.valid(SetActionBudgetInput, { actionId, expectedVersion: version, budget });
      await this.funding.setBudget(caller, input);
    }
  }

  async milestone(caller: Caller, change: PlannedChange, ids: ImportIds): Promise<void> {
    const v = change.values;
    const has = (field: string) => field in v && changed(change, field);
    let milestoneId: string;
    let version: number;
    if (change.current) {
      ({ id: milestoneId, version } = change.current);
      const fields = {
        ...(has('dueDate') && { dueDate: v['dueDate'] }),
        ...(has('weight') && { weight: Number(v['weight']) }),
      };
      if (Object.keys(fields).length > 0) {
        const input = await this.valid(UpdateMilestoneInput, { milestoneId, expectedVersion: version, ...fields });
        const written = await this.milestones.updateMilestone(caller, input);
        version = written.parts.milestones?.find((m) => m.id === milestoneId)?.version ?? version + 1;
      }
    } else {
      const input = {
        actionId: ids.action(v['action']),
        title: v['title'],
        dueDate: v['dueDate'],
        weight: v['weight'] ? Number(v['weight']) : undefined,
      };
      const written = await this.milestones.createMilestone(
        caller,
        await this.valid(CreateMilestoneInput, dropNulls(input)),
      );
      const title = (v['title'] ?? '').toLocaleLowerCase('nb');
      const made = written.parts.milestones?.find((m) => m.title.toLocaleLowerCase('nb') === title);
      if (!made) return;
      ({ id: milestoneId, version } = made);
    }
    if (has('completedOn')) {
      const input = await this.valid(MilestoneVersionInput, {
        milestoneId,
        expectedVersion: version,
        ...(v['completedOn'] !== null && { completedOn: v['completedOn'] }),
      });
      await (v['completedOn'] === null
        ? this.milestones.reopenMilestone(caller, input)
        : this.milestones.completeMilestone(caller, input));
    }
  }

  async involvement(caller: Caller, change: PlannedChange, ids: ImportIds): Promise<void> {
    const v = change.values;
    const role = v['role'] === undefined ? undefined : valueOfLabel(ROLE_LABELS, v['role'] ?? '');
    const level = v['level'] === undefined ? undefined : valueOfLabel(LEVEL_LABELS, v['level'] ?? '');
    if (change.current) {
      const input = {
        involvementId: change.current.id,
        expectedVersion: change.current.version,
        ...(changed(change, 'role') && { role }),
        ...(changed(change, 'level') && { level }),
      };
      await this.involvements.updateInvolvement(caller, await this.valid(UpdateInvolvementInput, input));
      return;
    }
    const input = { actionId: ids.action(v['action']), partyId: ids.party(v['party']), role, level };
    await this.involvements.addInvolvement(caller, await this.valid(AddInvolvementInput, input));
  }

  async indicatorValue(caller: Caller, change: PlannedChange, ids: ImportIds): Promise<void> {
    const v = change.values;
    const input = {
      indicatorId: ids.indicator(v['indicator']),
      municipalityId: ids.municipality(v['municipality']),
      year: Number(v['year']),
      value: Number(v['value']),
      ...(change.current && { expectedVersion: change.current.version }),
    };
    await this.indicators.setIndicatorValue(caller, await this.valid(SetIndicatorValueInput, input));
  }

  /** The input as GraphQL would hand it to the service, or BAD_USER_INPUT naming the field at fault. */
  private async valid<T extends object>(type: Type<T>, input: object): Promise<T> {
    return (await this.pipe.transform(input, { type: 'body', metatype: type })) as T;
  }
}

const changed = (change: PlannedChange, field: string) => change.fields.some((f) => f.field === field);

/** Leaves out what a create input takes as "not given". */
function dropNulls<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<T>;
}
