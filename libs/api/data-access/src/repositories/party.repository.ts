import { Injectable } from '@nestjs/common';
import type { InvolvementLevel, InvolvementRole, PartyKind } from '@tiltak/domain';
import { DataSource, In } from 'typeorm';
import { PartyEntity } from '../entities';

export interface WhoDoesWhatRow {
  partyId: string;
  focusAreaId: string;
  role: InvolvementRole;
  level: InvolvementLevel;
  actions: number;
}

@Injectable()
export class PartyRepository {
  constructor(private readonly dataSource: DataSource) {}

  partiesOfProgramme(programmeId: string, kinds?: PartyKind[]): Promise<PartyEntity[]> {
    return this.dataSource.manager.find(PartyEntity, {
      where: { programmeId, ...(kinds?.length ? { kind: In(kinds) } : {}) },
      order: { name: 'ASC' },
    });
  }

  partyById(id: string, manager = this.dataSource.manager): Promise<PartyEntity | null> {
    return manager.findOneBy(PartyEntity, { id });
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

  /** Ids of the actions a party is involved in, for the party page. */
  async actionIdsOfParty(partyId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT a.id FROM involvement i JOIN action a ON a.id = i.action_id WHERE i.party_id = $1
        ORDER BY split_part(a.code, '-', 1), split_part(a.code, '-', 2)::int`,
      [partyId],
    );
    return rows.map((row) => row.id);
  }
}
