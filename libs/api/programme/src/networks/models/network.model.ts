import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { NetworkEntity, NetworkMembershipEntity } from '@tiltak/api-data-access';
import type { NetworkKind } from '@tiltak/domain';
import { MunicipalityModel, toMunicipalityModel } from '../../models/municipality.model';
import { NetworkKindEnum } from './enums';

@ObjectType('Network', { description: 'A business network or cluster in the region’s register.' })
export class NetworkModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => NetworkKindEnum)
  kind: NetworkKind;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  foundedOn: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while it is active.' })
  endedOn: string | null;

  partyId: string | null;

  foundingActionId: string | null;

  @Field(() => Int)
  version: number;
}

export function toNetworkModel(entity: NetworkEntity): NetworkModel {
  return {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    foundedOn: entity.foundedOn,
    endedOn: entity.endedOn,
    partyId: entity.partyId,
    foundingActionId: entity.foundingActionId,
    version: entity.version,
  };
}

@ObjectType('NetworkMembership', { description: 'How many businesses of one municipality are members.' })
export class NetworkMembershipModel {
  @Field(() => ID)
  networkId: string;

  @Field(() => MunicipalityModel)
  municipality: MunicipalityModel;

  @Field(() => Int)
  members: number;

  @Field(() => Int)
  version: number;
}

export function toMembershipModel(
  entity: NetworkMembershipEntity,
  municipality = entity.municipality,
): NetworkMembershipModel {
  return {
    networkId: entity.networkId,
    municipality: toMunicipalityModel(municipality),
    members: entity.members,
    version: entity.version,
  };
}

@ObjectType('NetworkAbilities', { description: 'What the viewer may do to this network.' })
export class NetworkAbilitiesModel {
  @Field(() => Boolean, { description: 'updateNetwork: the register is the programme’s (MANAGE_PROGRAMME).' })
  edit: boolean;

  @Field(() => [ID], {
    description: 'The municipalities whose members the viewer may record with setNetworkMembership.',
  })
  recordMembersIn: string[];
}
