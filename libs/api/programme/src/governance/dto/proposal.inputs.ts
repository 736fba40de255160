import { Field, InputType, OmitType } from '@nestjs/graphql';
import { ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { UpdateActionInput } from '../../actions/dto/action.inputs';

@InputType({ description: 'The fields of an action a proposal would change, as in updateAction; left out: unchanged.' })
export class ActionChangesInput extends OmitType(
  UpdateActionInput,
  ['actionId', 'expectedVersion'] as const,
  InputType,
) {}

@InputType()
export class ProposeActionChangeInput {
  @IdField()
  actionId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @Field(() => ActionChangesInput)
  @ValidateNested()
  @Type(() => ActionChangesInput)
  changes: ActionChangesInput;

  @TextField({ min: 1, max: 2000, description: 'Why the change is proposed, for the secretariat.' })
  comment: string;
}

@InputType()
export class DecideActionProposalInput {
  @IdField()
  proposalId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, max: 2000, description: 'Required when rejecting: why.' })
  comment?: string;
}
