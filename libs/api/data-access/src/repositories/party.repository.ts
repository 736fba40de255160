import { Injectable } from '@nestjs/common';
import type { InvolvementLevel, InvolvementRole, PartyKind } from '@tiltak/domain';
import { DataSource, In } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { PartyEntity } from '../entities';
import { updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

/** What a coordinator gives for a party; the rest the database fills in. */
export type PartyFields = Pick<
  PartyEntity,
  | 'regionId'
  | 'name'
  | 'kind'
  | 'organisationNumber'
  | 'homeMunicipalityId'
  | 'contactName'
  | 'contactEmail'
  | 'website'
>;

export type PartyPatch = Partial<Omit<PartyFields, 'regionId'>>;

export interface WhoDoesWhatRow {
  partyId: string;
  focusAreaId: string;
  role: InvolvementRole;
  level: InvolvementLevel;
  actions: number;
}

export interface ProjectLeadRow {
  partyId: string;
  name: string;
  email: string;
}

@Injectable()
export class PartyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The region's parties: every programme period shares them. */
  partiesOfRegion(regionId: string, kinds?: PartyKind[]): Promise<PartyEntity[]> {
    return this.dataSource.manager.find(PartyEntity, {
      where: { regionId, ...(kinds?.length ? { kind: In(kinds) } : {}) },
      order: { name: 'ASC' },
    });
  }

  partyById(id: string, scope: QueryScope = this.dataSource.manager): Promise<PartyEntity | null> {
    return managerOf(scope).findOneBy(PartyEntity, { id });
  }

  createParty(tx: WriteTransaction, fields: PartyFields): Promise<PartyEntity> {
    return managerOf(tx).save(managerOf(tx).create(PartyEntity, fields));
  }

  /** The party after the patch, or null when it is no longer at `expectedVersion`. */
  updatePartyIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: PartyPatch,
  ): Promise<PartyEntity | null> {
    return updateIfVersion(tx, PartyEntity, { id }, expectedVersion, patch);
  }

  partiesByIds(ids: readonly string[]): Promise<PartyEntity[]> {
    return this.dataSource.manager.findBy(PartyEntity, { id: In([...ids]) });
  }

  /** Party × focus area: how many actions each party leads or joins, strategically or operationally. */
  whoDoesWhat(programmeId: string, kinds?: PartyKind[]): Promise<WhoDoesWhatRow[]> {
    return this.dataSource.query(
      `SELECT i.party_id AS "partyId", a.focus_area_id AS "focusAreaId", i.role, i.level, count(*)::int AS actions
         FROM involvement i
         JOIN action a ON a.id = i.action_id
         JOIN party p ON p.id = i.party_id
        WHERE a.programme_id = $1 AND ($2::text[] IS NULL OR p.kind = ANY($2))
        GROUP BY 1, 2, 3, 4`,
      [programmeId, kinds?.length ? kinds : null],
    );
  }

  /** Ids of the actions each party is involved in, in code order: one query for many parties. */
  async actionIdsOfParties(partyIds: readonly string[]): Promise<{ partyId: string; actionId: string }[]> {
    return this.dataSource.query(
      `SELECT i.party_id AS "partyId", a.id AS "actionId" FROM involvement i JOIN action a ON a.id = i.action_id
        WHERE i.party_id = ANY($1)
        ORDER BY split_part(a.code, '-', 1), split_part(a.code, '-', 2)::int`,
      [partyIds],
    );
  }

  /** The active project leads acting for each party: whoever leads or joins an action through it. */
  projectLeadsOfParties(partyIds: readonly string[]): Promise<ProjectLeadRow[]> {
    return this.dataSource.query(
      `SELECT party_id AS "partyId", name, email FROM app_user
        WHERE role = 'PROJECT_LEAD' AND active AND party_id = ANY($1)
        ORDER BY name`,
      [partyIds],
    );
  }
}
