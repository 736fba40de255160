/**
 * The demo programme: the Gardermoen region's six municipalities and the focus areas its strategic
 * business plan names, in bokmål. Loaded into an empty database so a new user sees real shapes.
 */
export const DEMO_REGION = { slug: 'gardermoregionen', name: 'Gardermoregionen' };

export const DEMO_MUNICIPALITIES = [
  { slug: 'eidsvoll', name: 'Eidsvoll' },
  { slug: 'gjerdrum', name: 'Gjerdrum' },
  { slug: 'hurdal', name: 'Hurdal' },
  { slug: 'nannestad', name: 'Nannestad' },
  { slug: 'nes', name: 'Nes' },
  { slug: 'ullensaker', name: 'Ullensaker' },
] as const;

export const DEMO_PROGRAMME = {
  slug: 'handlingsprogram-2025-2028',
  name: 'Handlingsprogram for strategisk næringsplan 2025–2028',
  startYear: 2025,
  endYear: 2028,
};

export const DEMO_FOCUS_AREAS = [
  {
    code: 'LOG',
    name: 'Logistikk',
    description:
      'Styrke regionens rolle som logistikknav rundt Oslo lufthavn, med grønnere transport og flere kunnskapsarbeidsplasser.',
    goal: 'M2',
    innovationPriority: 'P1',
  },
  {
    code: 'BIO',
    name: 'Bioøkonomi',
    description: 'Skape verdier av skog, jord og restråstoff, og knytte landbruket tettere til industri og forskning.',
    goal: 'M1',
    innovationPriority: 'P2',
  },
  {
    code: 'KRE',
    name: 'Kreativ næring',
    description: 'Gi kreative bedrifter nettverk, lokaler og markeder i hele regionen.',
    goal: 'M1',
    innovationPriority: null,
  },
  {
    code: 'REI',
    name: 'Reiseliv',
    description: 'Utvikle helårige opplevelser langs Mjøsa, Hurdalssjøen og Glomma, og bedre samarbeidet om vertskap.',
    goal: 'M2',
    innovationPriority: null,
  },
  {
    code: 'SMA',
    name: 'Smarte samfunn',
    description:
      'Leverandørutvikling og tjenesteinnovasjon i samspillet mellom det offentlige og det private næringslivet.',
    goal: 'M3',
    innovationPriority: 'P3',
  },
  {
    code: 'POL',
    name: 'Næringspolitikk',
    description:
      'Felles interessepolitikk og næringspolitikk på tvers av kommunegrensene, og samarbeid med naboregioner.',
    goal: 'M3',
    innovationPriority: null,
  },
] as const;
