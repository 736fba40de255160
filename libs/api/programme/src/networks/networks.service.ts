import { Injectable } from '@nestjs/common';
import { type Caller, conflict, PolicyService } from '@tiltak/api-core';
import {
  type NetworkEntity,
  type NetworkFields,
  type NetworkPatch,
  NetworkRepository,
  PartyRepository,
  ProgrammeRepository,
  ProgrammeWriter,
  type WriteTransaction,
} from '@tiltak/api-data-access';
import { isIsoDate, type NetworkKind } from '@tiltak/domain';
import { ProgrammeContext } from '../programme/programme-context';
import type { CreateNetworkInput, SetNetworkMembershipInput, UpdateNetworkInput } from './dto/network.inputs';
import {
  type NetworkMembershipModel,
  type NetworkModel,
  toMembershipModel,
  toNetworkModel,
} from './models/network.model';
import { NetworkErrorReason, networkError } from './networks.errors';

/**
 * The register of networks and clusters. The register as a whole (founding, renaming, ending,
 * linking to a party and an action) is the programme's: MANAGE_PROGRAMME. How many businesses of a
 * municipality are members is also that municipality's own record: its coordinator may keep it.
 */
@Injectable()
export class NetworksService {
  constructor(
    private readonly networks: NetworkRepository,
    private readonly parties: PartyRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async networksOfRegion(kind?: NetworkKind): Promise<NetworkModel[]> {
    const programme = await this.context.programme();
    return (await this.networks.networksOfRegion(programme.regionId, kind)).map(toNetworkModel);
  }

  async network(id: string): Promise<NetworkModel | null> {
    const programme = await this.context.programme();
    const [network] = await this.networks.networksByIds([id]);
    return network?.regionId === programme.regionId ? toNetworkModel(network) : null;
  }

  async createNetwork(caller: Caller, input: CreateNetworkInput): Promise<NetworkModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    const fields: NetworkFields = {
      regionId: programme.regionId,
      name: input.name.trim(),
      kind: input.kind,
      foundedOn: input.foundedOn,
      endedOn: input.endedOn ?? null,
      partyId: input.partyId ?? null,
      foundingActionId: input.foundingActionId ?? null,
    };
    this.checkDates(fields);
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      await this.checkName(tx, fields.name, null);
      await this.checkParty(tx, fields, null);
      await this.checkAction(tx, fields.foundingActionId);
      const network = await this.networks.createNetwork(tx, fields);
      tx.record({ entity: 'network', entityId: network.id, operation: 'CREATE', before: null, after: network });
      return toNetworkModel(network);
    });
  }

  async updateNetwork(caller: Caller, input: UpdateNetworkInput): Promise<NetworkModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PROGRAMME' });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.lockNetwork(tx, input.networkId);
      // Null clears only what may be empty; for the rest it means "as it is".
      const patch: NetworkPatch = {
        ...(input.name != null && { name: input.name.trim() }),
        ...(input.kind != null && { kind: input.kind }),
        ...(input.foundedOn != null && { foundedOn: input.foundedOn }),
        ...(input.endedOn !== undefined && { endedOn: input.endedOn }),
        ...(input.partyId !== undefined && { partyId: input.partyId }),
        ...(input.foundingActionId !== undefined && { foundingActionId: input.foundingActionId }),
      };
      const after = { ...before, ...patch };
      this.checkDates(after);
      if (patch.name !== undefined) await this.checkName(tx, after.name, before.id);
      // A new kind must still fit the party it acts as.
      if (patch.partyId !== undefined || patch.kind !== undefined) await this.checkParty(tx, after, before.id);
      if (patch.foundingActionId !== undefined) await this.checkAction(tx, after.foundingActionId);
      const updated = await this.networks.updateNetworkIfVersion(tx, before.id, input.expectedVersion, patch);
      if (!updated) throw conflict('network', toNetworkModel(before));
      tx.record({ entity: 'network', entityId: before.id, operation: 'UPDATE', before, after: updated });
      return toNetworkModel(updated);
    });
  }

  async setMembership(caller: Caller, input: SetNetworkMembershipInput): Promise<NetworkMembershipModel> {
    this.policy.require(caller.viewer, { kind: 'RECORD_NETWORK_MEMBERSHIP', municipalityId: input.municipalityId });
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      // Locked: the network's kind and founding year decide what these members count towards.
      await this.lockNetwork(tx, input.networkId);
      const [municipality] = await this.programmes.municipalitiesByIds([input.municipalityId], tx);
      if (municipality?.regionId !== programme.regionId) {
        throw networkError(
          NetworkErrorReason.UNKNOWN_MUNICIPALITY,
          `municipalityId: no municipality ${input.municipalityId} in the region`,
          'municipalityId',
        );
      }
      const key = { networkId: input.networkId, municipalityId: input.municipalityId };
      const entityId = `${key.networkId}:${key.municipalityId}`;
      const before = await this.networks.membership(tx, key);
      if (!before) {
        const created = await this.networks.createMembership(tx, key, input.members);
        tx.record({ entity: 'network_membership', entityId, operation: 'CREATE', before: null, after: created });
        return toMembershipModel(created, municipality);
      }
      if (input.expectedVersion === undefined) {
        throw networkError(
          NetworkErrorReason.VERSION_REQUIRED,
          'expectedVersion: these members are recorded already; give the version',
          'expectedVersion',
        );
      }
      const after = await this.networks.updateMembershipIfVersion(tx, key, input.expectedVersion, input.members);
      if (!after) throw conflict('network membership', toMembershipModel(before, municipality));
      tx.record({ entity: 'network_membership', entityId, operation: 'UPDATE', before, after });
      return toMembershipModel(after, municipality);
    });
  }

  private async lockNetwork(tx: WriteTransaction, id: string): Promise<NetworkEntity> {
    const programme = await this.context.programme();
    const network = await this.networks.lockNetwork(tx, id, programme.regionId);
    if (!network) {
      throw networkError(NetworkErrorReason.NETWORK_NOT_FOUND, `Network ${id} does not exist`, 'networkId');
    }
    return network;
  }

  private checkDates(network: Pick<NetworkEntity, 'foundedOn' | 'endedOn'>): void {
    for (const [field, date] of [
      ['foundedOn', network.foundedOn],
      ['endedOn', network.endedOn],
    ] as const) {
      if (date !== null && !isIsoDate(date)) {
        throw networkError(NetworkErrorReason.INVALID_DATE, `${field}: ${date} is not a calendar date`, field);
      }
    }
    if (network.foundedOn > this.context.today()) {
      throw networkError(
        NetworkErrorReason.FOUNDED_IN_FUTURE,
        'foundedOn: a network counts once it is founded; record it then',
        'foundedOn',
      );
    }
    if (network.endedOn !== null && network.endedOn < network.foundedOn) {
      throw networkError(
        NetworkErrorReason.ENDED_BEFORE_FOUNDED,
        'endedOn: a network ends after it was founded',
        'endedOn',
      );
    }
  }

  private async checkName(tx: WriteTransaction, name: string, exceptId: string | null): Promise<void> {
    if (!name) throw networkError(NetworkErrorReason.NAME_REQUIRED, 'name: give the network a name', 'name');
    const programme = await this.context.programme();
    if (await this.networks.nameTaken(tx, programme.regionId, name, exceptId)) {
      throw networkError(NetworkErrorReason.NETWORK_NAME_TAKEN, `name: the register has ${name} already`, 'name');
    }
  }

  /** The party a network acts as: one of the region's, of the network's kind, and no other network's. */
  private async checkParty(
    tx: WriteTransaction,
    network: Pick<NetworkEntity, 'partyId' | 'kind' | 'regionId'>,
    exceptId: string | null,
  ): Promise<void> {
    if (network.partyId === null) return;
    const party = await this.parties.partyById(network.partyId, tx);
    if (party?.regionId !== network.regionId) {
      throw networkError(NetworkErrorReason.UNKNOWN_PARTY, `partyId: no party ${network.partyId}`, 'partyId');
    }
    if (party.kind !== network.kind) {
      throw networkError(
        NetworkErrorReason.PARTY_KIND_MISMATCH,
        `partyId: ${party.name} is a party of kind ${party.kind}, not ${network.kind}`,
        'partyId',
      );
    }
    const other = await this.networks.networkOfParty(tx, network.partyId, exceptId);
    if (other) {
      throw networkError(
        NetworkErrorReason.PARTY_TAKEN,
        `partyId: ${other.name} acts as ${party.name} already`,
        'partyId',
      );
    }
  }

  private async checkAction(tx: WriteTransaction, actionId: string | null): Promise<void> {
    if (actionId !== null && !(await this.networks.actionOfProgramme(tx, actionId, tx.programmeId))) {
      throw networkError(
        NetworkErrorReason.UNKNOWN_ACTION,
        `foundingActionId: no action ${actionId}`,
        'foundingActionId',
      );
    }
  }
}
