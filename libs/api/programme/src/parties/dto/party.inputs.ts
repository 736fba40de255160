import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { PARTY_KINDS, type PartyKind } from '@tiltak/domain';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength } from 'class-validator';
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
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => PartyKindEnum)
  @IsIn(PARTY_KINDS)
  kind: PartyKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  homeMunicipalityId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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
  @Field(() => ID)
  @IsUUID()
  partyId: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => PartyKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(PARTY_KINDS)
  kind?: PartyKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  homeMunicipalityId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
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
