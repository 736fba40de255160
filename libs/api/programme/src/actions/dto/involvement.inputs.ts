import { ExpectedVersionField, IdField } from '@tiltak/api-core';
import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional } from 'class-validator';
import { INVOLVEMENT_LEVELS, INVOLVEMENT_ROLES, type InvolvementLevel, type InvolvementRole } from '@tiltak/domain';
import { InvolvementLevelEnum, InvolvementRoleEnum } from '../../models/enums';

@InputType()
export class AddInvolvementInput {
  @IdField()
  actionId: string;

  @IdField()
  partyId: string;

  @Field(() => InvolvementRoleEnum)
  @IsIn(INVOLVEMENT_ROLES)
  role: InvolvementRole;

  @Field(() => InvolvementLevelEnum)
  @IsIn(INVOLVEMENT_LEVELS)
  level: InvolvementLevel;
}

@InputType()
export class UpdateInvolvementInput {
  @IdField()
  involvementId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => InvolvementRoleEnum, { nullable: true })
  @IsOptional()
  @IsIn(INVOLVEMENT_ROLES)
  role?: InvolvementRole;

  @Field(() => InvolvementLevelEnum, { nullable: true })
  @IsOptional()
  @IsIn(INVOLVEMENT_LEVELS)
  level?: InvolvementLevel;
}

@InputType()
export class RemoveInvolvementInput {
  @IdField()
  involvementId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}
