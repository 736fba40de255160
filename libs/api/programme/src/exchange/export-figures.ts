import type { FundingLineEntity } from '@tiltak/api-data-access';
import type { ExchangeLanguage } from '@tiltak/api-exchange';
import type { IndicatorSource } from '@tiltak/domain';
import type { ProgressCellModel } from '../models/matrix.model';
import type { ExchangeState, Lookups } from './exchange-state';
import { FUNDING_SOURCE_LABELS, FUNDING_STATUS_LABELS } from './import-labels';

/** Where an indicator's figures come from, in the dashboard's words; `reference` names the table or the source. */
const INDICATOR_SOURCE_LABELS: Record<IndicatorSource, Record<ExchangeLanguage, string>> = {
  MANUAL: { nb: 'Registrert for hånd', en: 'Typed by hand' },
  NETWORK_REGISTER: { nb: 'Regnet ut fra registeret over nettverk', en: 'Computed from the register of networks' },
  CLUSTER_REGISTER: { nb: 'Regnet ut fra registeret over klynger', en: 'Computed from the register of clusters' },
  SSB: { nb: 'Statistisk sentralbyrå (SSB)', en: 'Statistics Norway (SSB)' },
  OTHER: { nb: 'Annet', en: 'Other' },
};

/** The read-only sheets: figures to read beside the programme, never imported. */
export function indicatorRows(state: ExchangeState, lookups: Lookups, language: ExchangeLanguage) {
  return state.indicators.map((indicator) => ({
    name: indicator.name,
    focusArea: indicator.focusAreaId ? (lookups.focusAreaById.get(indicator.focusAreaId)?.code ?? null) : null,
    unit: indicator.unit,
    baseline: indicator.baseline,
    target: indicator.target,
    targetYear: indicator.targetYear,
    source: [INDICATOR_SOURCE_LABELS[indicator.source][language], indicator.sourceReference]
      .filter((part) => part)
      .join(', '),
  }));
}

export function fundingRows(lines: FundingLineEntity[], lookups: Lookups, language: ExchangeLanguage) {
  return lines
    .map((line) => ({
      action: lookups.actionById.get(line.actionId)?.code ?? '',
      source: [FUNDING_SOURCE_LABELS[line.source][language], line.sourceName].filter((part) => part).join(', '),
      municipality: line.municipalityId ? (lookups.municipalityById.get(line.municipalityId)?.name ?? null) : null,
      status: FUNDING_STATUS_LABELS[line.status][language],
      year: line.year,
      amount: line.amount,
      reference: line.reference,
    }))
    .sort((a, b) => a.action.localeCompare(b.action) || a.year - b.year);
}

/** The overview's municipality × focus area figures: the cells that hold actions. */
export function matrixRows(cells: ProgressCellModel[], lookups: Lookups) {
  return cells
    .filter((cell) => cell.actionCount > 0)
    .map((cell) => ({
      municipality: lookups.municipalityById.get(cell.municipalityId)?.name ?? '',
      focusArea: lookups.focusAreaById.get(cell.focusAreaId)?.code ?? '',
      actions: cell.actionCount,
      progress: cell.progress === null ? null : Math.round(cell.progress),
      onTrack: cell.byHealth.onTrack,
      atRisk: cell.byHealth.atRisk,
      offTrack: cell.byHealth.offTrack,
    }))
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'nb') || a.focusArea.localeCompare(b.focusArea));
}
