import { DateField, ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { NETWORK_KINDS, type NetworkKind } from '@tiltak/domain';
import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { NetworkKindEnum } from '../models/enums';

/** More member businesses than any one municipality has: a typing slip, not a network. */
export const MAX_MEMBERS = 100_000;

@ArgsType()
export class NetworksArgs {
  @Field(() => NetworkKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(NETWORK_KINDS)
  kind?: NetworkKind;
}

@ArgsType()
export class NetworkArgs {
  @IdField()
  id: string;
}

@InputType()
export class CreateNetworkInput {
  @TextField({ min: 1, max: 200 })
  name: string;

  @Field(() => NetworkKindEnum)
  @IsIn(NETWORK_KINDS)
  kind: NetworkKind;

  @DateField({ description: 'When it was founded: the year it counts as new in.' })
  foundedOn: string;

  @DateField({ nullable: true })
  endedOn?: string | null;

  @IdField({ nullable: true, description: 'The party (of kind NETWORK or CLUSTER, as the network) it acts as.' })
  partyId?: string | null;

  @IdField({ nullable: true, description: 'The action that founded it.' })
  foundingActionId?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; null clears endedOn, partyId or foundingActionId.' })
export class UpdateNetworkInput {
  @IdField()
  networkId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string;

  @Field(() => NetworkKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(NETWORK_KINDS)
  kind?: NetworkKind;

  @DateField({ nullable: true })
  foundedOn?: string;

  @DateField({ nullable: true })
  endedOn?: string | null;

  @IdField({ nullable: true })
  partyId?: string | null;

  @IdField({ nullable: true })
  foundingActionId?: string | null;
}

@InputType({
  description: 'One municipality’s member businesses; expectedVersion is required when it is recorded already.',
})
export class SetNetworkMembershipInput {
  @IdField()
  networkId: string;

  @IdField()
  municipalityId: string;

  @Field(() => Int, { description: 'Zero: none any more.' })
  @IsInt()
  @Min(0)
  @Max(MAX_MEMBERS)
  members: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number;
}
