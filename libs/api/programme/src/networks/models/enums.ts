import { registerEnumType } from '@nestjs/graphql';
import { INDICATOR_SOURCES, type IndicatorSource, NETWORK_KINDS, type NetworkKind } from '@tiltak/domain';

function graphqlEnum<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const NetworkKindEnum = graphqlEnum<NetworkKind>(NETWORK_KINDS);
export const IndicatorSourceEnum = graphqlEnum<IndicatorSource>(INDICATOR_SOURCES);

/** How a regional total was made; the dashboard words each. */
export const REGIONAL_METHODS = [
  'SUM_OF_MUNICIPALITIES',
  'DISTINCT_IN_REGISTER',
  'INCOMPLETE',
  'NOT_SUMMABLE',
] as const;
export type RegionalMethod = (typeof REGIONAL_METHODS)[number];
export const RegionalMethodEnum = graphqlEnum<RegionalMethod>(REGIONAL_METHODS);

registerEnumType(NetworkKindEnum, { name: 'NetworkKind', description: 'A business network or a cluster.' });
registerEnumType(IndicatorSourceEnum, {
  name: 'IndicatorSource',
  description:
    'MANUAL: typed by hand. NETWORK_REGISTER, CLUSTER_REGISTER: computed from the register, never typed. SSB: a table of Statistics Norway (sourceReference is its id). OTHER: the source sourceReference names.',
});
registerEnumType(RegionalMethodEnum, {
  name: 'RegionalMethod',
  description:
    'SUM_OF_MUNICIPALITIES: every municipality gave a value and they are added up. DISTINCT_IN_REGISTER: the networks in the register, each counted once however many municipalities it has members in. INCOMPLETE: some municipalities have no value yet, so no total. NOT_SUMMABLE: the unit does not add up across municipalities (a share, an average).',
});
