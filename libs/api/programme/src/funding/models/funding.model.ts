import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { KronerScalar } from '@tiltak/api-core';
import type { EffortEntryEntity, FundingLineEntity, FundingSums } from '@tiltak/api-data-access';
import {
  FUNDING_SOURCES,
  FUNDING_STATUSES,
  FUNDING_TOTAL_RULE,
  type FundingSource,
  type FundingStatus,
} from '@tiltak/domain';

const graphqlEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const FundingSourceEnum = graphqlEnum(FUNDING_SOURCES);
export const FundingStatusEnum = graphqlEnum(FUNDING_STATUSES);
/** What a total is summed over: the actions (lines, budgets, hours), or a municipality's own shares only. */
export const FundingBasisEnum = graphqlEnum(['ACTIONS', 'MUNICIPAL_SHARES'] as const);
export type FundingBasis = keyof typeof FundingBasisEnum;

registerEnumType(FundingSourceEnum, {
  name: 'FundingSource',
  description: 'Where the money comes from: a municipality’s share, the county, Innovasjon Norge, the state, …',
});
registerEnumType(FundingStatusEnum, {
  name: 'FundingStatus',
  description: 'Planned, applied for, granted or refused.',
});
registerEnumType(FundingBasisEnum, {
  name: 'FundingBasis',
  description:
    'ACTIONS: every line, budget and hour of the actions counted. MUNICIPAL_SHARES: a municipality’s own lines.',
});

@ObjectType('FundingLine', { description: 'One source of an action’s money (finansieringslinje).' })
export class FundingLineModel {
  @Field(() => ID)
  id: string;

  actionId: string;

  @Field(() => FundingSourceEnum)
  source: FundingSource;

  municipalityId: string | null;

  @Field(() => String, { nullable: true, description: 'Whose money it is: the fund, the business, the programme.' })
  sourceName: string | null;

  @Field(() => FundingStatusEnum)
  status: FundingStatus;

  @Field(() => KronerScalar)
  amount: number;

  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true, description: 'The funder’s case number, free form.' })
  reference: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => Date)
  createdAt: Date;
}

export function toFundingLineModel(entity: FundingLineEntity): FundingLineModel {
  return {
    id: entity.id,
    actionId: entity.actionId,
    source: entity.source,
    municipalityId: entity.municipalityId,
    sourceName: entity.sourceName,
    status: entity.status,
    amount: entity.amount,
    year: entity.year,
    reference: entity.reference,
    version: entity.version,
    createdAt: entity.createdAt,
  };
}

@ObjectType('EffortEntry', { description: 'Hours of own effort (egeninnsats) a party put into an action in a year.' })
export class EffortEntryModel {
  @Field(() => ID, { description: '`actionId:partyId:year`.' })
  id: string;

  actionId: string;
  partyId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  hours: number;

  @Field(() => Int)
  version: number;
}

export function toEffortEntryModel(entity: EffortEntryEntity): EffortEntryModel {
  return {
    id: `${entity.actionId}:${entity.partyId}:${entity.year}`,
    actionId: entity.actionId,
    partyId: entity.partyId,
    year: entity.year,
    hours: entity.hours,
    version: entity.version,
  };
}

@ObjectType('FundingLineCounts', { description: 'How many lines each status sum counts.' })
export class FundingLineCountsModel {
  @Field(() => Int)
  planned: number;

  @Field(() => Int)
  applied: number;

  @Field(() => Int)
  granted: number;

  @Field(() => Int)
  refused: number;
}

@ObjectType('FundingTotals', {
  description:
    'Money and effort summed exactly in the database, with what was counted so the figures explain themselves.',
})
export class FundingTotalsModel {
  @Field(() => FundingBasisEnum)
  basis: FundingBasis;

  @Field(() => KronerScalar, { nullable: true, description: 'Sum of the actions’ budgets; null on MUNICIPAL_SHARES.' })
  budget: number | null;

  @Field(() => KronerScalar, { description: 'Lines planned, not yet applied for.' })
  planned: number;

  @Field(() => KronerScalar, { description: 'Lines applied for, not yet decided.' })
  applied: number;

  @Field(() => KronerScalar, { description: 'Lines granted: the secured funding.' })
  granted: number;

  @Field(() => KronerScalar, { description: 'Lines refused; counted in no other figure.' })
  refused: number;

  @Field(() => Int, { nullable: true, description: 'Hours of own effort; null on MUNICIPAL_SHARES.' })
  hours: number | null;

  @Field(() => Int, { description: 'Actions counted (on MUNICIPAL_SHARES: those with a share of it).' })
  actionCount: number;

  @Field(() => Int, { description: 'Of those, the actions that have a budget.' })
  budgetedActionCount: number;

  @Field(() => FundingLineCountsModel)
  lineCounts: FundingLineCountsModel;

  @Field(() => String, { description: 'How the figures are summed.' })
  method: string;
}

const MUNICIPAL_SHARES_RULE =
  'A municipality’s own money only: the lines whose source is that municipality (its shares), on the ' +
  'programme’s actions. Other money of the actions it takes part in, budgets and hours belong to the actions.';

export function toFundingTotals(sums: FundingSums | null | undefined, basis: FundingBasis): FundingTotalsModel {
  return {
    basis,
    budget: basis === 'ACTIONS' ? (sums?.budget ?? 0) : null,
    planned: sums?.planned ?? 0,
    applied: sums?.applied ?? 0,
    granted: sums?.granted ?? 0,
    refused: sums?.refused ?? 0,
    hours: basis === 'ACTIONS' ? (sums?.hours ?? 0) : null,
    actionCount: sums?.actions ?? 0,
    budgetedActionCount: sums?.budgetedActions ?? 0,
    lineCounts: {
      planned: sums?.plannedLines ?? 0,
      applied: sums?.appliedLines ?? 0,
      granted: sums?.grantedLines ?? 0,
      refused: sums?.refusedLines ?? 0,
    },
    method: basis === 'ACTIONS' ? FUNDING_TOTAL_RULE : MUNICIPAL_SHARES_RULE,
  };
}

@ObjectType('FundingAbilities', { description: 'What the viewer may change of an action’s money and effort.' })
export class FundingAbilitiesModel {
  @Field(() => Boolean, { description: 'Set the budget and record lines of any source but a municipality’s share.' })
  editFunding: boolean;

  @Field(() => [ID], { description: 'The municipalities whose shares the viewer may record on this action.' })
  municipalShares: string[];

  @Field(() => [ID], { description: 'The parties whose hours the viewer may record on this action.' })
  effortParties: string[];
}
