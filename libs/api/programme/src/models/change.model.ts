import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export const ChangeOperationEnum = { CREATE: 'CREATE', UPDATE: 'UPDATE', DELETE: 'DELETE' } as const;
registerEnumType(ChangeOperationEnum, { name: 'ChangeOperation' });

@ObjectType('ProgrammeChange', {
  description:
    'One committed change, in commit order. `reset` means the client was away longer than the log is kept and must refetch.',
})
export class ProgrammeChangeModel {
  @Field(() => String, { description: 'Sequence number in commit order; pass the last one seen as `since`.' })
  seq: string;

  @Field(() => Boolean)
  reset: boolean;

  @Field(() => Boolean, {
    description:
      'True on the one item, carrying no change, that ends the replay of what was missed; its seq is where to come back from.',
  })
  caughtUp: boolean;

  @Field(() => String, { nullable: true, description: 'action, milestone, participation, involvement, party, …' })
  entity: string | null;

  @Field(() => ID, { nullable: true })
  entityId: string | null;

  @Field(() => ChangeOperationEnum, { nullable: true })
  operation: keyof typeof ChangeOperationEnum | null;

  @Field(() => Date, { nullable: true })
  occurredAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The action the change belongs to, if any.' })
  actionId: string | null;

  /** Personal data: reaches the response only through the `actor` field's permission check. */
  actorName: string | null;
}

@ObjectType('ProgrammeWrite', {
  description:
    'One saved change as people made it: all the records one write changed (a lead’s update changes the action and adds to its history), newest first.',
})
export class ProgrammeWriteModel {
  @Field(() => String, { description: 'The last seq of the write: the same numbers the live feed gives out.' })
  seq: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => [String], { description: 'The kinds of record it changed: action, status_update, milestone, …' })
  entities: string[];

  @Field(() => ID, { nullable: true, description: 'The action it concerns, if any.' })
  actionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The municipality, when it changed an action in one municipality.' })
  municipalityId: string | null;

  /** Personal data: reaches the response only through the `actor` field's permission check. */
  actorName: string;
}
