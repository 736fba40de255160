import { IdField } from '@tiltak/api-core';
import { InputType } from '@nestjs/graphql';

@InputType()
export class ProjectLeadInput {
  @IdField()
  actionId: string;

  @IdField({ description: 'An active user with the project lead role.' })
  userId: string;
}
