import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ActionStatus, Health, SnapshotTrigger } from '@tiltak/domain';
import { SNAPSHOT_TRIGGERS } from '@tiltak/domain';
import { ActionStatusEnum, HealthEnum } from '../models/enums';
import { HealthCountsModel } from '../models/matrix.model';

/** GraphQL enums from the domain's value lists, as models/enums.ts makes them. */
function graphqlEnum<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const SnapshotTriggerEnum = graphqlEnum(SNAPSHOT_TRIGGERS);
export const HealthDirectionEnum = graphqlEnum(['BETTER', 'WORSE'] as const);
export const MilestoneSlipReasonEnum = graphqlEnum(['PASSED', 'MOVED'] as const);

registerEnumType(SnapshotTriggerEnum, {
  name: 'SnapshotTrigger',
  description: 'ROUND_CLOSED: a reporting round closed. MANUAL: taken by hand, for a council meeting.',
});
registerEnumType(HealthDirectionEnum, { name: 'HealthDirection', description: 'ON_TRACK > AT_RISK > OFF_TRACK.' });
registerEnumType(MilestoneSlipReasonEnum, {
  name: 'MilestoneSlipReason',
  description: 'PASSED: its due date passed without completion. MOVED: its due date was moved later.',
});

@ObjectType('CouncilSnapshot', { description: 'The programme frozen at a moment (øyeblikksbilde); it never changes.' })
export class CouncilSnapshotModel {
  @Field(() => ID) id: string;
  @Field(() => String) title: string;
  @Field(() => SnapshotTriggerEnum) trigger: SnapshotTrigger;
  @Field(() => Date) takenAt: Date;
  @Field(() => String, { description: 'The Oslo date health and overdue milestones were judged on.' })
  asOf: string;
  @Field(() => ID, { nullable: true }) roundId: string | null;
  @Field(() => String, { nullable: true }) roundName: string | null;
  @Field(() => Float, { nullable: true, description: 'Programme progress then, 0–100.' })
  progress: number | null;
  @Field(() => HealthCountsModel) byHealth: HealthCountsModel;
  @Field(() => Int) actionCount: number;
  /** Who took it, resolved to a name only for viewers who may read personal data. */
  takenBy: string | null;
  programmeId: string;
}

@ObjectType('ActionStatusChange')
export class ActionStatusChangeModel {
  @Field(() => ID) actionId: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => ActionStatusEnum) from: ActionStatus;
  @Field(() => ActionStatusEnum) to: ActionStatus;
}

@ObjectType('ActionHealthChange')
export class ActionHealthChangeModel {
  @Field(() => ID) actionId: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => HealthEnum) from: Health;
  @Field(() => HealthEnum) to: Health;
  @Field(() => HealthDirectionEnum) direction: 'BETTER' | 'WORSE';
}

@ObjectType('CompletedMilestone')
export class CompletedMilestoneModel {
  @Field(() => ID) actionId: string;
  @Field(() => String) code: string;
  @Field(() => ID) milestoneId: string;
  @Field(() => String) title: string;
  @Field(() => String) completedOn: string;
}

@ObjectType('SlippedMilestone')
export class SlippedMilestoneModel {
  @Field(() => ID) actionId: string;
  @Field(() => String) code: string;
  @Field(() => ID) milestoneId: string;
  @Field(() => String) title: string;
  @Field(() => String) fromDueDate: string;
  @Field(() => String) toDueDate: string;
  @Field(() => MilestoneSlipReasonEnum) reason: 'PASSED' | 'MOVED';
}

@ObjectType('ChangedAction')
export class ChangedActionModel {
  @Field(() => ID) actionId: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
}

@ObjectType('NewRisk')
export class NewRiskModel {
  @Field(() => ID) actionId: string;
  @Field(() => String) code: string;
  @Field(() => String) name: string;
  @Field(() => HealthEnum) health: Health;
  @Field(() => String, { nullable: true, description: 'What the action says about itself.' })
  narrative: string | null;
}

@ObjectType('IndicatorValueChange')
export class IndicatorValueChangeModel {
  @Field(() => ID) indicatorId: string;
  @Field(() => String) name: string;
  @Field(() => ID) municipalityId: string;
  @Field(() => String) municipalityName: string;
  @Field(() => Int) year: number;
  @Field(() => Float, { nullable: true, description: 'null when the value is new.' })
  from: number | null;
  @Field(() => Float) to: number;
}

@ObjectType('ProgrammeChanges', { description: 'What changed between two snapshots, or a snapshot and now.' })
export class ProgrammeChangesModel {
  @Field(() => CouncilSnapshotModel) from: CouncilSnapshotModel;
  @Field(() => CouncilSnapshotModel, { nullable: true, description: 'null: compared with the programme now.' })
  to: CouncilSnapshotModel | null;
  @Field(() => Date) fromTakenAt: Date;
  @Field(() => Date) toTakenAt: Date;
  @Field(() => Int, { description: 'The number of entries over all lists.' })
  count: number;
  @Field(() => [ActionStatusChangeModel]) statusChanges: ActionStatusChangeModel[];
  @Field(() => [ActionHealthChangeModel]) healthChanges: ActionHealthChangeModel[];
  @Field(() => [CompletedMilestoneModel]) milestonesCompleted: CompletedMilestoneModel[];
  @Field(() => [SlippedMilestoneModel]) milestonesSlipped: SlippedMilestoneModel[];
  @Field(() => [ChangedActionModel]) newActions: ChangedActionModel[];
  @Field(() => [ChangedActionModel]) cancelledActions: ChangedActionModel[];
  @Field(() => [NewRiskModel]) newRisks: NewRiskModel[];
  @Field(() => [IndicatorValueChangeModel]) indicatorValuesAdded: IndicatorValueChangeModel[];
}
