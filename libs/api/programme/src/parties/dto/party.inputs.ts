import { EmailField, ExpectedVersionField, IdField, MAX_LIST_ITEMS, TextField, UrlField } from '@tiltak/api-core';
import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { PARTY_KINDS, type PartyKind } from '@tiltak/domain';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { PartyKindEnum } from '../../models/enums';

@ArgsType()
export class PartiesArgs {
  @Field(() => [PartyKindEnum], { nullable: true, description: 'Only parties of these kinds.' })
  @IsOptional()
  @IsIn(PARTY_KINDS, { each: true })
  @ArrayMaxSize(MAX_LIST_ITEMS)
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

  @TextField({
    nullable: true,
    max: 9,
    description: 'Nine digits from the Brønnøysund register (organisasjonsnummer); must pass its check digit.',
  })
  organisationNumber?: string;

  @TextField({ nullable: true, max: 200 })
  contactName?: string;

  @EmailField({ nullable: true })
  contactEmail?: string;

  @UrlField({ nullable: true })
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

  @TextField({
    nullable: true,
    max: 9,
    description:
      'Nine digits from the Brønnøysund register (organisasjonsnummer); must pass its check digit. Null or empty clears it.',
  })
  organisationNumber?: string | null;

  @TextField({ nullable: true, max: 200 })
  contactName?: string | null;

  @EmailField({ nullable: true })
  contactEmail?: string | null;

  @UrlField({ nullable: true })
  website?: string | null;
}
