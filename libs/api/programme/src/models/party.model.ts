import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PartyKind } from '@tiltak/domain';
import type { PartyEntity } from '@tiltak/api-data-access';
import { PartyKindEnum } from './enums';

@ObjectType('ContactPerson', { description: 'Personal data: shown only to people who are signed in.' })
export class ContactPersonModel {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  email: string | null;
}

@ObjectType('Party', { description: 'An organisation that does the work (aktør).' })
export class PartyModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => PartyKindEnum)
  kind: PartyKind;

  @Field(() => String, {
    nullable: true,
    description: 'Nine digits from the Brønnøysund register (organisasjonsnummer).',
  })
  organisationNumber: string | null;

  homeMunicipalityId: string | null;

  /** Personal data: reaches the response only through the `contact` field's permission check. */
  contactPerson: ContactPersonModel | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => Int)
  version: number;
}

export function toPartyModel(entity: PartyEntity): PartyModel {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    organisationNumber: entity.organisationNumber,
    homeMunicipalityId: entity.homeMunicipalityId,
    contactPerson: entity.contactName ? { name: entity.contactName, email: entity.contactEmail } : null,
    website: entity.website,
    version: entity.version,
  };
}
