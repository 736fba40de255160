import { Injectable } from '@nestjs/common';
import { PolicyService } from '@tiltak/api-core';
import type { ExchangeLanguage, ExchangeSheet, ExchangeWorkbook, SheetKind } from '@tiltak/api-exchange';
import type { Principal } from '@tiltak/domain';
import { RequestLoaders } from '../loaders/request-loaders';
import { ProgressService } from '../programme/progress.service';
import { type ExchangeState, ExchangeStateReader, type Lookups, lookupsOf } from './exchange-state';
import { fundingRows, indicatorRows, matrixRows } from './export-figures';
import {
  actionRows,
  indicatorValueRows,
  involvementRows,
  milestoneRows,
  partyRows,
  type SheetAudience,
  sheetOf,
} from './export-rows';

/** The sheets in workbook order. */
export const SHEET_ORDER: readonly SheetKind[] = [
  'ACTIONS',
  'MILESTONES',
  'INVOLVEMENTS',
  'PARTIES',
  'INDICATOR_VALUES',
  'INDICATORS',
  'FUNDING',
  'MATRIX',
];

/**
 * The programme as spreadsheets, holding only what the viewer may read: contact persons only for
 * those who may read personal data, money only for those who may read funding. The caller has
 * been checked for EXPORT_SPREADSHEETS.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly reader: ExchangeStateReader,
    private readonly policy: PolicyService,
    private readonly progress: ProgressService,
    private readonly loaders: RequestLoaders,
  ) {}

  async workbook(viewer: Principal, language: ExchangeLanguage): Promise<ExchangeWorkbook> {
    return { sheets: await this.sheets(viewer, language, this.kindsFor(viewer)) };
  }

  async sheet(viewer: Principal, kind: SheetKind, language: ExchangeLanguage): Promise<ExchangeSheet | null> {
    if (!this.kindsFor(viewer).includes(kind)) return null;
    const [sheet] = await this.sheets(viewer, language, [kind]);
    return sheet ?? null;
  }

  /** Who may see what in a sheet, for this viewer. */
  audience(viewer: Principal | null, language: ExchangeLanguage): SheetAudience {
    return { language, personalData: this.policy.allows(viewer, { kind: 'READ_PERSONAL_DATA' }) };
  }

  private kindsFor(viewer: Principal): SheetKind[] {
    const money = this.policy.allows(viewer, { kind: 'READ_FUNDING' });
    return SHEET_ORDER.filter((kind) => money || kind !== 'FUNDING');
  }

  private async sheets(viewer: Principal, language: ExchangeLanguage, kinds: SheetKind[]): Promise<ExchangeSheet[]> {
    const state = await this.reader.read();
    const lookups = lookupsOf(state);
    const audience = this.audience(viewer, language);
    const sheets: ExchangeSheet[] = [];
    for (const kind of kinds) {
      sheets.push(sheetOf(kind, await this.rowsOf(kind, state, lookups, audience), audience));
    }
    return sheets;
  }

  private async rowsOf(kind: SheetKind, state: ExchangeState, lookups: Lookups, audience: SheetAudience) {
    switch (kind) {
      case 'ACTIONS':
        return actionRows(state, lookups, audience);
      case 'MILESTONES':
        return milestoneRows(state, lookups);
      case 'INVOLVEMENTS':
        return involvementRows(state, lookups, audience);
      case 'PARTIES':
        return partyRows(state, lookups, audience);
      case 'INDICATOR_VALUES':
        return indicatorValueRows(state, lookups);
      case 'INDICATORS':
        return indicatorRows(state, lookups, audience.language);
      case 'FUNDING':
        return fundingRows(await this.reader.fundingLines(state), lookups, audience.language);
      case 'MATRIX':
        return matrixRows(await this.progress.matrix(this.loaders.for({})), lookups);
    }
  }
}

/** The rows an export of this state shows, per writable sheet: what an import is compared against. */
export function currentRows(state: ExchangeState, lookups: Lookups, audience: SheetAudience) {
  return {
    ACTIONS: sheetOf('ACTIONS', actionRows(state, lookups, audience), audience),
    MILESTONES: sheetOf('MILESTONES', milestoneRows(state, lookups), audience),
    INVOLVEMENTS: sheetOf('INVOLVEMENTS', involvementRows(state, lookups, audience), audience),
    PARTIES: sheetOf('PARTIES', partyRows(state, lookups, audience), audience),
    INDICATOR_VALUES: sheetOf('INDICATOR_VALUES', indicatorValueRows(state, lookups), audience),
  };
}
