import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { WriteTransaction } from '../change-log/programme-writer';
import { IndicatorEntity, IndicatorValueEntity } from '../entities';
import { updateIfVersion } from './guarded-update';
import { managerOf, type QueryScope } from './scope';

export type IndicatorFields = Pick<
  IndicatorEntity,
  | 'programmeId'
  | 'focusAreaId'
  | 'name'
  | 'unit'
  | 'baseline'
  | 'target'
  | 'targetYear'
  | 'source'
  | 'sourceReference'
  | 'publicationLagMonths'
  | 'summable'
>;

export type IndicatorPatch = Partial<Omit<IndicatorFields, 'programmeId' | 'focusAreaId'>>;

/** The typed values of one indicator and year, added up in SQL (numeric: exact), and who gave them. */
export interface TypedYearSum {
  indicatorId: string;
  year: number;
  /** The exact sum as PostgreSQL's numeric text. */
  sum: string;
  municipalityIds: string[];
}

/** An indicator value is known by its indicator, municipality and year. */
export type IndicatorValueKey = Pick<IndicatorValueEntity, 'indicatorId' | 'municipalityId' | 'year'>;

@Injectable()
export class IndicatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  indicatorsOfProgramme(programmeId: string, focusAreaId?: string): Promise<IndicatorEntity[]> {
    return this.dataSource.manager.find(IndicatorEntity, {
      where: { programmeId, ...(focusAreaId ? { focusAreaId } : {}) },
      order: { name: 'ASC' },
    });
  }

  indicatorById(id: string, scope: QueryScope = this.dataSource.manager): Promise<IndicatorEntity | null> {
    return managerOf(scope).findOneBy(IndicatorEntity, { id });
  }

  /** Reads an indicator and holds it (FOR SHARE) against changes until the write commits. */
  shareIndicator(tx: WriteTransaction, id: string): Promise<IndicatorEntity | null> {
    return managerOf(tx)
      .createQueryBuilder(IndicatorEntity, 'i')
      .where('i.id = :id', { id })
      .setLock('pessimistic_read')
      .getOne();
  }

  createIndicator(tx: WriteTransaction, fields: IndicatorFields): Promise<IndicatorEntity> {
    return managerOf(tx).save(managerOf(tx).create(IndicatorEntity, fields));
  }

  /** The indicator after the patch, or null when it is no longer at `expectedVersion`. */
  updateIndicatorIfVersion(
    tx: WriteTransaction,
    id: string,
    expectedVersion: number,
    patch: IndicatorPatch,
  ): Promise<IndicatorEntity | null> {
    return updateIfVersion(tx, IndicatorEntity, { id }, expectedVersion, patch);
  }

  valuesOfIndicators(indicatorIds: readonly string[]): Promise<IndicatorValueEntity[]> {
    return this.dataSource.manager.find(IndicatorValueEntity, {
      where: { indicatorId: In([...indicatorIds]) },
      order: { year: 'ASC' },
    });
  }

  /** Per indicator and year: the sum of the region's municipalities' typed values, and which of them gave one. */
  typedYearSums(
    indicatorIds: readonly string[],
    regionId: string,
    scope: QueryScope = this.dataSource.manager,
  ): Promise<TypedYearSum[]> {
    return managerOf(scope).query(
      `SELECT v.indicator_id AS "indicatorId", v.year, sum(v.value)::text AS sum,
              array_agg(v.municipality_id ORDER BY v.municipality_id) AS "municipalityIds"
         FROM indicator_value v
         JOIN municipality mu ON mu.id = v.municipality_id AND mu.region_id = $2
        WHERE v.indicator_id = ANY($1)
        GROUP BY v.indicator_id, v.year
        ORDER BY v.year`,
      [indicatorIds, regionId],
    );
  }

  value(key: IndicatorValueKey, scope: QueryScope = this.dataSource.manager): Promise<IndicatorValueEntity | null> {
    const { indicatorId, municipalityId, year } = key;
    return managerOf(scope).findOneBy(IndicatorValueEntity, { indicatorId, municipalityId, year });
  }

  createValue(tx: WriteTransaction, key: IndicatorValueKey, value: number): Promise<IndicatorValueEntity> {
    return managerOf(tx).save(managerOf(tx).create(IndicatorValueEntity, { ...key, value }));
  }

  /** The value after the change, or null when it is no longer at `expectedVersion`. */
  updateValueIfVersion(
    tx: WriteTransaction,
    key: IndicatorValueKey,
    expectedVersion: number,
    value: number,
  ): Promise<IndicatorValueEntity | null> {
    const { indicatorId, municipalityId, year } = key;
    return updateIfVersion(tx, IndicatorValueEntity, { indicatorId, municipalityId, year }, expectedVersion, { value });
  }
}
