import { Injectable } from '@nestjs/common';
import type { NetworkKind } from '@tiltak/domain';
import { DataSource, In } from 'typeorm';
import { rowsOf, type WriteTransaction } from '../change-log/write-transaction';
import { NetworkEntity, NetworkMembershipEntity } from '../entities';
import { EntitySql } from './entity-sql';
import { updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

export type NetworkFields = Pick<
  NetworkEntity,
  'regionId' | 'partyId' | 'name' | 'kind' | 'foundedOn' | 'endedOn' | 'foundingActionId'
>;

export type NetworkPatch = Partial<Omit<NetworkFields, 'regionId'>>;

/** A membership is known by its network and municipality. */
export type MembershipKey = Pick<NetworkMembershipEntity, 'networkId' | 'municipalityId'>;

/** One municipality's count in one year of a register indicator: the networks that make it. */
export interface RegisterCount {
  municipalityId: string;
  year: number;
  networkIds: string[];
}

/** The region's count in one year: each network once, however many municipalities it has members in. */
export interface RegionalRegisterCount {
  year: number;
  networkIds: string[];
  /** What the municipalities' counts add up to; more than the region's when a network spans several. */
  sumOfMunicipalCounts: number;
}

/**
 * Networks founded in a year with member businesses in a municipality: a membership of zero
 * members does not count, an ended network still counts for the year it was founded.
 */
const FOUNDED = `SELECT n.id, extract(year FROM n.founded_on)::int AS year, m.municipality_id
                   FROM network n
                   JOIN network_membership m ON m.network_id = n.id AND m.members > 0
                   JOIN municipality mu ON mu.id = m.municipality_id AND mu.region_id = n.region_id
                  WHERE n.region_id = $1 AND n.kind = $2`;

/** The register of networks and clusters (a region's), and the counts the register indicators are made of. */
@Injectable()
export class NetworkRepository {
  private readonly network: EntitySql<NetworkEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.network = new EntitySql(dataSource, NetworkEntity);
  }

  /** The region's networks, newest first. */
  networksOfRegion(regionId: string, kind?: NetworkKind): Promise<NetworkEntity[]> {
    return this.dataSource.manager.find(NetworkEntity, {
      where: { regionId, ...(kind ? { kind } : {}) },
      order: { foundedOn: 'DESC', name: 'ASC' },
    });
  }

  networksByIds(ids: readonly string[]): Promise<NetworkEntity[]> {
    return this.dataSource.manager.findBy(NetworkEntity, { id: In([...ids]) });
  }

  /** The networks each action founded, oldest first. */
  networksFoundedBy(actionIds: readonly string[]): Promise<NetworkEntity[]> {
    return this.dataSource.manager.find(NetworkEntity, {
      where: { foundingActionId: In([...actionIds]) },
      order: { foundedOn: 'ASC', name: 'ASC' },
    });
  }

  membershipsOfNetworks(networkIds: readonly string[]): Promise<NetworkMembershipEntity[]> {
    return this.dataSource.manager.find(NetworkMembershipEntity, {
      where: { networkId: In([...networkIds]) },
      relations: { municipality: true },
      order: { municipality: { name: 'ASC' } },
    });
  }

  /** Locks a network of the region for a write to it or its memberships, or answers null. */
  async lockNetwork(tx: WriteTransaction, id: string, regionId: string): Promise<NetworkEntity | null> {
    const rows = await rowsOf(
      tx,
      `SELECT ${this.network.selectList()} FROM network WHERE id = $1 AND region_id = $2 FOR UPDATE`,
      [id, regionId],
    );
    return rows[0] ? this.network.entity(rows[0]) : null;
  }

  async nameTaken(scope: QueryScope, regionId: string, name: string, exceptId: string | null): Promise<boolean> {
    const rows: unknown[] = await managerOf(scope).query(
      `SELECT 1 FROM network WHERE region_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3)`,
      [regionId, name, exceptId],
    );
    return rows.length > 0;
  }

  /** The network that already acts as this party, other than `exceptId`. */
  async networkOfParty(scope: QueryScope, partyId: string, exceptId: string | null): Promise<NetworkEntity | null> {
    const found = await managerOf(scope).findOneBy(NetworkEntity, { partyId });
    return found && found.id !== exceptId ? found : null;
  }

  /** Whether the action is one of the programme's, held against deletion while the write lasts. */
  async actionOfProgramme(tx: WriteTransaction, actionId: string, programmeId: string): Promise<boolean> {
    const rows = await rowsOf(tx, `SELECT 1 FROM action WHERE id = $1 AND programme_id = $2 FOR KEY SHARE`, [
      actionId,
      programmeId,
    ]);
    return rows.length > 0;
  }

  createNetwork(tx: WriteTransaction, fields: NetworkFields): Promise<NetworkEntity> {
    return managerOf(tx).save(managerOf(tx).create(NetworkEntity, fields));
  }

  /** The network after the patch, or null when it is no longer at `expectedVersion`. */
  updateNetworkIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: NetworkPatch,
  ): Promise<NetworkEntity | null> {
    return updateIfVersion(tx, NetworkEntity, { id }, expectedVersion, patch);
  }

  membership(tx: WriteTransaction, key: MembershipKey): Promise<NetworkMembershipEntity | null> {
    return managerOf(tx).findOneBy(NetworkMembershipEntity, key);
  }

  createMembership(tx: WriteTransaction, key: MembershipKey, members: number): Promise<NetworkMembershipEntity> {
    return managerOf(tx).save(managerOf(tx).create(NetworkMembershipEntity, { ...key, members }));
  }

  /** The membership after the change, or null when it is no longer at `expectedVersion`. */
  updateMembershipIfVersion(
    tx: WriteTransaction,
    key: MembershipKey,
    expectedVersion: number,
    members: number,
  ): Promise<NetworkMembershipEntity | null> {
    return updateIfVersion(tx, NetworkMembershipEntity, key, expectedVersion, { members });
  }

  /**
   * A register indicator's value for every municipality of the region and every year from `from`
   * to `to` (zero included: the register says none were founded), with the networks counted.
   */
  municipalCounts(
    regionId: string,
    kind: NetworkKind,
    from: number,
    to: number,
    scope: QueryScope = this.dataSource.manager,
  ): Promise<RegisterCount[]> {
    return managerOf(scope).query(
      `WITH founded AS (${FOUNDED})
       SELECT mu.id AS "municipalityId", y.year,
              coalesce(array_agg(DISTINCT f.id) FILTER (WHERE f.id IS NOT NULL), '{}') AS "networkIds"
         FROM municipality mu
        CROSS JOIN generate_series($3::int, $4::int) AS y(year)
         LEFT JOIN founded f ON f.municipality_id = mu.id AND f.year = y.year
        WHERE mu.region_id = $1
        GROUP BY mu.id, y.year
        ORDER BY y.year, mu.id`,
      [regionId, kind, from, to],
    );
  }

  /** The region's count per year from `from` to `to`: each network once, with what the municipal counts add up to. */
  regionalCounts(
    regionId: string,
    kind: NetworkKind,
    from: number,
    to: number,
    scope: QueryScope = this.dataSource.manager,
  ): Promise<RegionalRegisterCount[]> {
    return managerOf(scope).query(
      `WITH founded AS (${FOUNDED})
       SELECT y.year,
              coalesce(array_agg(DISTINCT f.id) FILTER (WHERE f.id IS NOT NULL), '{}') AS "networkIds",
              count(f.id)::int AS "sumOfMunicipalCounts"
         FROM generate_series($3::int, $4::int) AS y(year)
         LEFT JOIN founded f ON f.year = y.year
        GROUP BY y.year
        ORDER BY y.year`,
      [regionId, kind, from, to],
    );
  }
}
