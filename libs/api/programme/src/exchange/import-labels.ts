import type { ExchangeLanguage } from '@tiltak/api-exchange';
import {
  ACTION_STATUSES,
  FUNDING_SOURCES,
  FUNDING_STATUSES,
  HEALTHS,
  INVOLVEMENT_LEVELS,
  INVOLVEMENT_ROLES,
  PARTY_KINDS,
} from '@tiltak/domain';

/**
 * The words a spreadsheet shows for Tiltak's enumerations, in bokmål and English: the same words
 * the dashboard's catalogue uses (libs/dashboard/i18n), so a sheet reads like the screens. The
 * server may not import the dashboard's code, hence this copy of the few words it needs.
 */
type Labels<T extends string> = Record<T, Record<ExchangeLanguage, string>>;

export const STATUS_LABELS: Labels<(typeof ACTION_STATUSES)[number]> = {
  NOT_STARTED: { nb: 'Ikke startet', en: 'Not started' },
  IN_PROGRESS: { nb: 'Pågår', en: 'In progress' },
  ON_HOLD: { nb: 'På vent', en: 'On hold' },
  COMPLETED: { nb: 'Fullført', en: 'Completed' },
  CANCELLED: { nb: 'Avbrutt', en: 'Cancelled' },
};

export const HEALTH_LABELS: Labels<(typeof HEALTHS)[number]> = {
  ON_TRACK: { nb: 'I rute', en: 'On track' },
  AT_RISK: { nb: 'I risiko', en: 'At risk' },
  OFF_TRACK: { nb: 'Utenfor kurs', en: 'Off track' },
};

export const ROLE_LABELS: Labels<(typeof INVOLVEMENT_ROLES)[number]> = {
  LEAD: { nb: 'Leder', en: 'Lead' },
  PARTNER: { nb: 'Partner', en: 'Partner' },
};

export const LEVEL_LABELS: Labels<(typeof INVOLVEMENT_LEVELS)[number]> = {
  STRATEGIC: { nb: 'Strategisk', en: 'Strategic' },
  OPERATIONAL: { nb: 'Operativt', en: 'Operational' },
};

export const PARTY_KIND_LABELS: Labels<(typeof PARTY_KINDS)[number]> = {
  MUNICIPALITY: { nb: 'Kommune', en: 'Municipality' },
  BUSINESS: { nb: 'Næringsliv', en: 'Business' },
  NETWORK: { nb: 'Nettverk', en: 'Network' },
  CLUSTER: { nb: 'Klynge', en: 'Cluster' },
  RESEARCH_INNOVATION: { nb: 'Forskning og innovasjon', en: 'Research and innovation' },
  INTERMUNICIPAL_COUNCIL: { nb: 'Interkommunalt politisk råd', en: 'Intermunicipal political council' },
  REGIONAL_AUTHORITY: { nb: 'Regional myndighet', en: 'Regional authority' },
  NEIGHBOUR_REGION: { nb: 'Naboregion', en: 'Neighbouring region' },
};

export const FUNDING_STATUS_LABELS: Labels<(typeof FUNDING_STATUSES)[number]> = {
  PLANNED: { nb: 'Planlagt', en: 'Planned' },
  APPLIED: { nb: 'Søkt', en: 'Applied for' },
  GRANTED: { nb: 'Innvilget', en: 'Granted' },
  REFUSED: { nb: 'Avslått', en: 'Refused' },
};

export const FUNDING_SOURCE_LABELS: Labels<(typeof FUNDING_SOURCES)[number]> = {
  MUNICIPALITY: { nb: 'Kommunal andel', en: 'Municipal share' },
  COUNTY: { nb: 'Fylkeskommunen', en: 'County council' },
  INNOVASJON_NORGE: { nb: 'Innovasjon Norge', en: 'Innovasjon Norge' },
  STATE: { nb: 'Staten', en: 'The state' },
  EU: { nb: 'EU-midler', en: 'EU funds' },
  PRIVATE: { nb: 'Private midler', en: 'Private funds' },
  OTHER: { nb: 'Annet', en: 'Other' },
};

/** The value a label names, in either language and whatever its case; undefined for no known label. */
export function valueOfLabel<T extends string>(labels: Labels<T>, text: string): T | undefined {
  const wanted = text.trim().toLocaleLowerCase('nb');
  return (Object.keys(labels) as T[]).find((value) =>
    Object.values(labels[value]).some((label) => label.toLocaleLowerCase('nb') === wanted),
  );
}
