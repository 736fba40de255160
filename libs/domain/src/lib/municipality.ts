/**
 * The six owners of the Gardermoen region's strategic business plan. Neighbouring regions
 * take part as parties, never as municipalities, so this list is closed.
 */
export const MUNICIPALITY_SLUGS = ['eidsvoll', 'gjerdrum', 'hurdal', 'nannestad', 'nes', 'ullensaker'] as const;

export type MunicipalitySlug = (typeof MUNICIPALITY_SLUGS)[number];
