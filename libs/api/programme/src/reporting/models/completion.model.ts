import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('CompletionCount', {
  description: 'Reports by where they stand. missing: not submitted (not started, draft or returned).',
})
export class CompletionCountModel {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  submitted: number;

  @Field(() => Int, { description: 'Submitted after the deadline.' })
  late: number;

  @Field(() => Int)
  draft: number;

  @Field(() => Int)
  returned: number;

  @Field(() => Int)
  missing: number;
}

@ObjectType('CompletionRow', { description: 'The counts of one municipality or one focus area.' })
export class CompletionRowModel {
  municipalityId: string | null;
  focusAreaId: string | null;

  @Field(() => CompletionCountModel)
  counts: CompletionCountModel;
}

@ObjectType('RoundCompletion')
export class RoundCompletionModel {
  @Field(() => CompletionCountModel)
  counts: CompletionCountModel;

  @Field(() => [CompletionRowModel], {
    description: 'A report counts for each municipality of its action; a municipality’s part for that one only.',
  })
  byMunicipality: CompletionRowModel[];

  @Field(() => [CompletionRowModel])
  byFocusArea: CompletionRowModel[];
}
