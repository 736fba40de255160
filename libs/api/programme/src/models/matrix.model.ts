import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PartyModel } from './party.model';

@ObjectType('StatusCounts')
export class StatusCountsModel {
  @Field(() => Int) notStarted: number;
  @Field(() => Int) inProgress: number;
  @Field(() => Int) onHold: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) cancelled: number;
}

@ObjectType('HealthCounts', { description: 'Health of the actions that are not cancelled.' })
export class HealthCountsModel {
  @Field(() => Int) onTrack: number;
  @Field(() => Int) atRisk: number;
  @Field(() => Int) offTrack: number;
}

@ObjectType('ProgressCell', { description: 'One municipality × focus area cell, on the municipality’s own figures.' })
export class ProgressCellModel {
  @Field(() => ID) municipalityId: string;
  @Field(() => ID) focusAreaId: string;
  @Field(() => Float, { nullable: true }) progress: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'What a steady pace would have reached by today: rolled up as progress is, from each action’s expected progress.',
  })
  expectedProgress: number | null;
  @Field(() => Int) actionCount: number;
  @Field(() => StatusCountsModel) byStatus: StatusCountsModel;
  @Field(() => HealthCountsModel) byHealth: HealthCountsModel;
  @Field(() => Int) overdueMilestones: number;
  @Field(() => Int, { description: 'Unfinished actions without a status update for longer than the configured days.' })
  stale: number;
}

@ObjectType('InvolvementCounts')
export class InvolvementCountsModel {
  @Field(() => Int) lead: number;
  @Field(() => Int) partner: number;
  @Field(() => Int) strategic: number;
  @Field(() => Int) operational: number;
}

@ObjectType('WhoDoesWhatCell')
export class WhoDoesWhatCellModel {
  @Field(() => ID) focusAreaId: string;
  @Field(() => InvolvementCountsModel) counts: InvolvementCountsModel;
}

@ObjectType('WhoDoesWhatRow', { description: 'A party and what it does in each focus area.' })
export class WhoDoesWhatRowModel {
  @Field(() => PartyModel) party: PartyModel;
  @Field(() => [WhoDoesWhatCellModel]) cells: WhoDoesWhatCellModel[];
  @Field(() => InvolvementCountsModel) total: InvolvementCountsModel;
}
