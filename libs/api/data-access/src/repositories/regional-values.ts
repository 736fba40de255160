import type { TypedYearSum } from './indicator.repository';
import type { RegionalRegisterCount } from './network.repository';

/** How a region's value was made (the GraphQL enum RegionalMethod). */
export type RegionalMethod = 'SUM_OF_MUNICIPALITIES' | 'DISTINCT_IN_REGISTER' | 'INCOMPLETE' | 'NOT_SUMMABLE';

/** A regional value before its municipalities and networks are looked up. */
export interface RegionalValue {
  year: number;
  value: number | null;
  method: RegionalMethod;
  municipalityCount: number;
  reportedMunicipalityCount: number;
  missingMunicipalityIds: string[];
  sumOfMunicipalValues: number;
  networkIds: string[];
}

/**
 * Typed values: the region's value is the sum of its municipalities' (PostgreSQL added them up
 * exactly), but only for a year every municipality reported, since a year with some missing would
 * read as a fall; and never for a unit that does not add up (a share, an average).
 */
export function regionalFromTyped(
  sums: readonly TypedYearSum[],
  regionMunicipalityIds: readonly string[],
  summable: boolean,
): RegionalValue[] {
  return sums.map((row) => {
    const reported = new Set(row.municipalityIds);
    const missing = regionMunicipalityIds.filter((id) => !reported.has(id));
    const sum = Number(row.sum);
    const method: RegionalMethod = !summable
      ? 'NOT_SUMMABLE'
      : missing.length > 0
        ? 'INCOMPLETE'
        : 'SUM_OF_MUNICIPALITIES';
    return {
      year: row.year,
      value: method === 'SUM_OF_MUNICIPALITIES' ? sum : null,
      method,
      municipalityCount: regionMunicipalityIds.length,
      reportedMunicipalityCount: regionMunicipalityIds.length - missing.length,
      missingMunicipalityIds: missing,
      sumOfMunicipalValues: sum,
      networkIds: [],
    };
  });
}

/**
 * Register values: each network founded that year with members in the region counts once, however
 * many municipalities it has members in. Every municipality has a value (the register says zero).
 */
export function regionalFromRegister(
  counts: readonly RegionalRegisterCount[],
  regionMunicipalityIds: readonly string[],
): RegionalValue[] {
  return counts.map((row) => ({
    year: row.year,
    value: row.networkIds.length,
    method: 'DISTINCT_IN_REGISTER',
    municipalityCount: regionMunicipalityIds.length,
    reportedMunicipalityCount: regionMunicipalityIds.length,
    missingMunicipalityIds: [],
    sumOfMunicipalValues: row.sumOfMunicipalCounts,
    networkIds: row.networkIds,
  }));
}
