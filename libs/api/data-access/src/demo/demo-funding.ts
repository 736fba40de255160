import type { FundingSource, FundingStatus } from '@tiltak/domain';
import type { EntityManager } from 'typeorm';
import { ActionEntity, EffortEntryEntity, FundingLineEntity } from '../entities';

interface DemoLine {
  source: FundingSource;
  /** The municipality's slug, for a municipal share. */
  municipality?: string;
  sourceName?: string;
  status: FundingStatus;
  amount: number;
  year: number;
  reference?: string;
}

interface DemoFunding {
  budget: number;
  lines: DemoLine[];
  /** Hours of own effort by the party's key; the party must take part in the action. */
  effort?: { party: string; year: number; hours: number }[];
}

/**
 * Plausible money for some of the demo actions: municipal shares, the county's regional development
 * funds (regionale utviklingsmidler), an Innovasjon Norge application and a refusal, in whole kroner.
 */
export const DEMO_FUNDING: Record<string, DemoFunding> = {
  'LOG-1': {
    budget: 1_800_000,
    lines: [
      { source: 'MUNICIPALITY', municipality: 'ullensaker', status: 'GRANTED', amount: 250_000, year: 2025 },
      { source: 'MUNICIPALITY', municipality: 'nannestad', status: 'GRANTED', amount: 150_000, year: 2025 },
      { source: 'MUNICIPALITY', municipality: 'gjerdrum', status: 'PLANNED', amount: 100_000, year: 2026 },
      {
        source: 'COUNTY',
        sourceName: 'Regionale utviklingsmidler',
        status: 'GRANTED',
        amount: 600_000,
        year: 2025,
        reference: '2025/4711-3',
      },
      { source: 'INNOVASJON_NORGE', status: 'APPLIED', amount: 500_000, year: 2026, reference: 'IN-2026-0412' },
    ],
    effort: [{ party: 'naeringsraadet', year: 2025, hours: 420 }],
  },
  'LOG-3': {
    budget: 2_400_000,
    lines: [
      {
        source: 'COUNTY',
        sourceName: 'Regionale utviklingsmidler',
        status: 'GRANTED',
        amount: 900_000,
        year: 2025,
        reference: '2025/3120-2',
      },
      { source: 'STATE', sourceName: 'Kompetansemidler', status: 'REFUSED', amount: 400_000, year: 2025 },
      {
        source: 'PRIVATE',
        sourceName: 'Transportbedrifter i regionen',
        status: 'PLANNED',
        amount: 300_000,
        year: 2026,
      },
    ],
    effort: [{ party: 'fagskolesenteret', year: 2025, hours: 310 }],
  },
  'BIO-1': {
    budget: 1_200_000,
    lines: [
      { source: 'MUNICIPALITY', municipality: 'nes', status: 'GRANTED', amount: 120_000, year: 2025 },
      { source: 'MUNICIPALITY', municipality: 'hurdal', status: 'GRANTED', amount: 80_000, year: 2025 },
      { source: 'INNOVASJON_NORGE', status: 'GRANTED', amount: 450_000, year: 2025, reference: 'IN-2025-1187' },
    ],
    effort: [{ party: 'bioklyngen', year: 2025, hours: 260 }],
  },
  'BIO-3': {
    budget: 650_000,
    lines: [
      { source: 'MUNICIPALITY', municipality: 'nes', status: 'GRANTED', amount: 200_000, year: 2026 },
      {
        source: 'COUNTY',
        sourceName: 'Regionale utviklingsmidler',
        status: 'APPLIED',
        amount: 250_000,
        year: 2026,
        reference: '2026/118-1',
      },
    ],
    effort: [{ party: 'nes-kommune', year: 2026, hours: 150 }],
  },
};

/** Loads the demo money; the rows bypass the write path like the rest of the demo programme. */
export async function loadDemoFunding(
  manager: EntityManager,
  programmeId: string,
  municipalities: Map<string, string>,
  parties: Map<string, string>,
): Promise<void> {
  for (const [code, funding] of Object.entries(DEMO_FUNDING)) {
    const action = await manager.findOneByOrFail(ActionEntity, { programmeId, code });
    await manager.update(ActionEntity, { id: action.id }, { budget: funding.budget });
    await manager.insert(
      FundingLineEntity,
      funding.lines.map((line) => ({
        actionId: action.id,
        source: line.source,
        municipalityId: line.municipality ? (municipalities.get(line.municipality) ?? null) : null,
        sourceName: line.sourceName ?? null,
        status: line.status,
        amount: line.amount,
        year: line.year,
        reference: line.reference ?? null,
      })),
    );
    for (const entry of funding.effort ?? []) {
      const partyId = parties.get(entry.party);
      if (!partyId) throw new Error(`The demo funding refers to ${entry.party}, which the demo does not define`);
      await manager.insert(EffortEntryEntity, { actionId: action.id, partyId, year: entry.year, hours: entry.hours });
    }
  }
}
