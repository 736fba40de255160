import type { Messages } from './messages.nb';

export const en: Messages = {
  'app.name': 'Tiltak',
  'app.tagline': 'Action programme for the Gardermoen region',
  'app.skipToContent': 'Skip to main content',
  'app.mainNavigation': 'Main menu',
  'nav.overview': 'Overview',
  'language.label': 'Language',
  'language.nb': 'Norsk bokmål',
  'language.en': 'English',
  'status.loading': 'Loading …',
  'status.error': 'Could not fetch data from Tiltak. Please try again shortly.',
  'overview.title': 'Overview',
  'overview.noProgramme': 'There is no action programme yet.',
  'overview.period': 'Period {period}',
  'overview.municipalities': 'Municipalities',
  'overview.municipalityCount': '{count} municipalities',
  'overview.focusAreas': 'Focus areas',
  'overview.focusAreaCount': '{count} focus areas',
  'notFound.title': 'Page not found',
  'notFound.back': 'Back to the overview',
};
