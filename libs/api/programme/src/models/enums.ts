import { registerEnumType } from '@nestjs/graphql';
import {
  ACTION_STATUSES,
  ADOPTION_STATUSES,
  HEALTHS,
  INVOLVEMENT_LEVELS,
  INVOLVEMENT_ROLES,
  PARTY_KINDS,
  PROGRAMME_STATES,
  type ProgressSource,
} from '@tiltak/domain';
import type { ActionOrder } from '@tiltak/api-data-access';

/** GraphQL enums built from the domain's value lists, so the API and the rules cannot drift apart. */
function graphqlEnum<T extends string>(values: readonly T[]): Record<T, T> {
  return Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;
}

export const ActionStatusEnum = graphqlEnum(ACTION_STATUSES);
export const HealthEnum = graphqlEnum(HEALTHS);
export const PartyKindEnum = graphqlEnum(PARTY_KINDS);
export const ProgrammeStateEnum = graphqlEnum(PROGRAMME_STATES);
export const InvolvementRoleEnum = graphqlEnum(INVOLVEMENT_ROLES);
export const InvolvementLevelEnum = graphqlEnum(INVOLVEMENT_LEVELS);
export const AdoptionStatusEnum = graphqlEnum(ADOPTION_STATUSES);
export const ProgressSourceEnum = graphqlEnum<ProgressSource>(['MILESTONES', 'MANUAL']);
export const ActionOrderEnum = graphqlEnum<ActionOrder>(['CODE', 'WORST_FIRST']);

registerEnumType(ActionStatusEnum, { name: 'ActionStatus', description: 'Where an action stands.' });
registerEnumType(HealthEnum, {
  name: 'Health',
  description: 'Actual progress against the progress expected by today.',
});
registerEnumType(PartyKindEnum, { name: 'PartyKind' });
registerEnumType(InvolvementRoleEnum, { name: 'InvolvementRole', description: 'Lead or partner.' });
registerEnumType(InvolvementLevelEnum, { name: 'InvolvementLevel', description: 'Strategic or operational.' });
registerEnumType(AdoptionStatusEnum, { name: 'AdoptionStatus' });
registerEnumType(ProgressSourceEnum, {
  name: 'ProgressSource',
  description: 'MILESTONES: the weighted share of completed milestones. MANUAL: the lead’s own figure.',
});
registerEnumType(ActionOrderEnum, {
  name: 'ActionOrder',
  description:
    'CODE: by focus area and code. WORST_FIRST: off track, then at risk, then on track; within each the furthest behind expected progress first.',
});

registerEnumType(ProgrammeStateEnum, {
  name: 'ProgrammeState',
  description: 'CURRENT: the period being run (one per region). ENDED: an earlier period, read as it was.',
});
