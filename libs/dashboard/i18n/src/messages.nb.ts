/** Bokmål, the dashboard's first language. Every other language must have exactly these keys. */
export const nb = {
  'app.name': 'Tiltak',
  'app.tagline': 'Handlingsprogram for Gardermoregionen',
  'app.skipToContent': 'Hopp til hovedinnhold',
  'app.mainNavigation': 'Hovedmeny',
  'nav.overview': 'Oversikt',
  'language.label': 'Språk',
  'language.nb': 'Norsk bokmål',
  'language.en': 'English',
  'status.loading': 'Laster …',
  'status.error': 'Kunne ikke hente data fra Tiltak. Prøv igjen om litt.',
  'overview.title': 'Oversikt',
  'overview.noProgramme': 'Det finnes ikke noe handlingsprogram ennå.',
  'overview.period': 'Periode {period}',
  'overview.municipalities': 'Kommuner',
  'overview.municipalityCount': '{count} kommuner',
  'overview.focusAreas': 'Satsingsområder',
  'overview.focusAreaCount': '{count} satsingsområder',
  'notFound.title': 'Fant ikke siden',
  'notFound.back': 'Til oversikten',
} as const;

export type MessageKey = keyof typeof nb;
export type Messages = Record<MessageKey, string>;
