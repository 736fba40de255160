/**
 * Effects with a source: the register of networks and clusters, and where each indicator's values
 * come from. Shared by the API (which validates and computes) and the dashboard (which explains).
 */

/** A business network (nettverk) or a cluster (klynge); each kind has its own "new …" indicator. */
export const NETWORK_KINDS = ['NETWORK', 'CLUSTER'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

/**
 * Where an indicator's values come from: typed by hand (MANUAL), computed from the register of
 * networks or of clusters, a table of Statistics Norway (SSB), or another named source.
 */
export const INDICATOR_SOURCES = ['MANUAL', 'NETWORK_REGISTER', 'CLUSTER_REGISTER', 'SSB', 'OTHER'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/** The register an indicator is computed from, or null when its values are typed. */
export function registerKindOf(source: IndicatorSource): NetworkKind | null {
  switch (source) {
    case 'NETWORK_REGISTER':
      return 'NETWORK';
    case 'CLUSTER_REGISTER':
      return 'CLUSTER';
    case 'MANUAL':
    case 'SSB':
    case 'OTHER':
      return null;
  }
}

export const isComputedSource = (source: IndicatorSource): boolean => registerKindOf(source) !== null;

/** An SSB StatBank table id, such as `07459`: five digits. */
export const SSB_TABLE_ID = /^\d{5}$/;

export const MAX_SOURCE_REFERENCE_LENGTH = 200;

/** Months between the end of a year and the publication of its figures: at most five years. */
export const MAX_PUBLICATION_LAG_MONTHS = 60;

/** Why a source reference does not fit its source, or null when it does. */
export type SourceReferenceProblem = 'SSB_TABLE_ID' | 'REFERENCE_REQUIRED' | 'NO_REFERENCE_FOR_REGISTER';

/**
 * SSB needs its table id; another source needs its name; a register is its own reference and takes
 * none (the register in Tiltak is where the values come from); typed values may say where they
 * were taken from.
 */
export function sourceReferenceProblem(
  source: IndicatorSource,
  reference: string | null,
): SourceReferenceProblem | null {
  switch (source) {
    case 'SSB':
      return reference !== null && SSB_TABLE_ID.test(reference) ? null : 'SSB_TABLE_ID';
    case 'OTHER':
      return reference ? null : 'REFERENCE_REQUIRED';
    case 'NETWORK_REGISTER':
    case 'CLUSTER_REGISTER':
      return reference ? 'NO_REFERENCE_FOR_REGISTER' : null;
    case 'MANUAL':
      return null;
  }
}

/** The SSB StatBank page of a table, for a link beside the indicator. */
export function ssbTableUrl(tableId: string): string {
  return `https://www.ssb.no/statbank/table/${tableId}`;
}
