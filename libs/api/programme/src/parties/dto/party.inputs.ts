import { ExpectedVersionField, IdField, TextField } from '@tiltak/api-core';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PARTY_KINDS, type PartyKind } from '@tiltak/domain';
import { IsEmail, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { PartyKindEnum } from '../../models/enums';

@ArgsType()
export class PartiesArgs {
  @Field(() => [PartyKindEnum], { nullable: true, description: 'Only parties of these kinds.' })
  @IsOptional()
  @IsIn(PARTY_KINDS, { each: true })
  kinds?: PartyKind[];
}

@InputType()
export class CreatePartyInput {
  @TextField({ min: 1, max: 200 })
  name: string;

  @Field(() => PartyKindEnum)
  @IsIn(PARTY_KINDS)
  kind: PartyKind;

  @IdField({ nullable: true })
  homeMunicipalityId?: string;

  @TextField({ nullable: true, max: 200 })
  contactName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  website?: string;
}

@InputType()
export class UpdatePartyInput {
  @IdField()
  partyId: string;

  @ExpectedVersionField()
  expectedVersion: number;

  @TextField({ nullable: true, min: 1, max: 200 })
  name?: string;

  @Field(() => PartyKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTY_KINDS)
  kind?: PartyKind;

  @IdField({ nullable: true })
  homeMunicipalityId?: string | null;

  @TextField({ nullable: true, max: 200 })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(500)
  website?: string | null;
}
