import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode, badUserInput, type Caller, conflict, PolicyService } from '@tiltak/api-core';
import { PartyRepository, ProgrammeRepository, ProgrammeWriter, type WriteTransaction } from '@tiltak/api-data-access';
import { INVOLVEMENT_LEVELS, INVOLVEMENT_ROLES, isOrganisationNumber, type PartyKind } from '@tiltak/domain';
import type { InvolvementCountsModel, WhoDoesWhatRowModel } from '../models/matrix.model';
import { type PartyModel, toPartyModel } from '../models/party.model';
import { ProgrammeContext } from '../programme/programme-context';
import type { CreatePartyInput, UpdatePartyInput } from './dto/party.inputs';

const noInvolvement = (): InvolvementCountsModel => ({ lead: 0, partner: 0, strategic: 0, operational: 0 });

@Injectable()
export class PartiesService {
  constructor(
    private readonly partyRepository: PartyRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly writer: ProgrammeWriter,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
  ) {}

  async parties(kinds?: PartyKind[]): Promise<PartyModel[]> {
    const programme = await this.context.programme();
    return (await this.partyRepository.partiesOfRegion(programme.regionId, kinds)).map(toPartyModel);
  }

  async party(id: string): Promise<PartyModel | null> {
    const programme = await this.context.programme();
    const party = await this.partyRepository.partyById(id);
    return party?.regionId === programme.regionId ? toPartyModel(party) : null;
  }

  /** Party × focus area, counting lead and partner parts and strategic and operational ones. */
  async whoDoesWhat(kinds?: PartyKind[]): Promise<WhoDoesWhatRowModel[]> {
    const programme = await this.context.programme();
    const [parties, rows] = await Promise.all([
      this.partyRepository.partiesOfRegion(programme.regionId, kinds),
      this.partyRepository.whoDoesWhat(programme.id, kinds),
    ]);
    const byParty = new Map<string, Map<string, InvolvementCountsModel>>();
    for (const row of rows) {
      const cells = byParty.get(row.partyId) ?? new Map<string, InvolvementCountsModel>();
      const counts = cells.get(row.focusAreaId) ?? noInvolvement();
      counts[row.role === INVOLVEMENT_ROLES[0] ? 'lead' : 'partner'] += row.actions;
      counts[row.level === INVOLVEMENT_LEVELS[0] ? 'strategic' : 'operational'] += row.actions;
      cells.set(row.focusAreaId, counts);
      byParty.set(row.partyId, cells);
    }
    return parties.map((party) => {
      const cells = [...(byParty.get(party.id) ?? new Map<string, InvolvementCountsModel>())].map(
        ([focusAreaId, counts]) => ({ focusAreaId, counts }),
      );
      const total = noInvolvement();
      for (const { counts } of cells) {
        for (const key of Object.keys(total) as (keyof InvolvementCountsModel)[]) total[key] += counts[key];
      }
      return { party: toPartyModel(party), cells, total };
    });
  }

  async createParty(caller: Caller, input: CreatePartyInput): Promise<PartyModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PARTIES' });
    this.policy.require(caller.viewer, { kind: 'MANAGE_PARTY', homeMunicipalityId: input.homeMunicipalityId ?? null });
    organisationNumberOf(input.organisationNumber);
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      await this.checkHomeMunicipality(tx, programme.regionId, input.homeMunicipalityId);
      const party = await this.partyRepository.createParty(tx, {
        regionId: programme.regionId,
        name: input.name.trim(),
        kind: input.kind,
        organisationNumber: organisationNumberOf(input.organisationNumber) ?? null,
        homeMunicipalityId: input.homeMunicipalityId ?? null,
        contactName: input.contactName?.trim() || null,
        contactEmail: input.contactEmail ?? null,
        website: input.website ?? null,
      });
      tx.record({ entity: 'party', entityId: party.id, operation: 'CREATE', before: null, after: party });
      return toPartyModel(party);
    });
  }

  async updateParty(caller: Caller, input: UpdatePartyInput): Promise<PartyModel> {
    this.policy.require(caller.viewer, { kind: 'MANAGE_PARTIES' });
    organisationNumberOf(input.organisationNumber);
    const programme = await this.context.programme();
    return this.writer.write(caller.actor, programme.id, async (tx) => {
      const before = await this.partyRepository.partyById(input.partyId, tx);
      if (!before || before.regionId !== programme.regionId) {
        throw new ApiError(ApiErrorCode.NOT_FOUND, `Party ${input.partyId} does not exist`, { field: 'partyId' });
      }
      // The party as it is, and where it would be at home after the change, must both be the caller's.
      this.policy.require(caller.viewer, { kind: 'MANAGE_PARTY', homeMunicipalityId: before.homeMunicipalityId });
      if (input.homeMunicipalityId !== undefined) {
        this.policy.require(caller.viewer, { kind: 'MANAGE_PARTY', homeMunicipalityId: input.homeMunicipalityId });
      }
      if (input.homeMunicipalityId) await this.checkHomeMunicipality(tx, programme.regionId, input.homeMunicipalityId);
      const patch = {
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.organisationNumber !== undefined && {
          organisationNumber: organisationNumberOf(input.organisationNumber) ?? null,
        }),
        ...(input.homeMunicipalityId !== undefined && { homeMunicipalityId: input.homeMunicipalityId }),
        ...(input.contactName !== undefined && { contactName: input.contactName?.trim() || null }),
        ...(input.contactEmail !== undefined && { contactEmail: input.contactEmail }),
        ...(input.website !== undefined && { website: input.website }),
      };
      const after = await this.partyRepository.updatePartyIfVersion(tx, before.id, input.expectedVersion, patch);
      if (!after) throw conflict('party', toPartyModel(before));
      tx.record({ entity: 'party', entityId: before.id, operation: 'UPDATE', before, after });
      return toPartyModel(after);
    });
  }

  private async checkHomeMunicipality(tx: WriteTransaction, regionId: string, id: string | undefined): Promise<void> {
    if (!id) return;
    const [municipality] = await this.programmes.municipalitiesByIds([id], tx);
    if (!municipality || municipality.regionId !== regionId) {
      throw badUserInput('homeMunicipalityId', `homeMunicipalityId: no municipality ${id}`, 'UNKNOWN_REFERENCE');
    }
  }
}

/** The organisation number as stored: null for none (empty clears it), refused unless its check digit holds. */
function organisationNumberOf(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null || value.trim() === '') return value === undefined ? undefined : null;
  const number = value.trim();
  if (!isOrganisationNumber(number)) {
    throw badUserInput(
      'organisationNumber',
      `organisationNumber: ${number} is not an organisation number (nine digits with a valid check digit)`,
      'INVALID_ORGANISATION_NUMBER',
    );
  }
  return number;
}
