import type { SnapshotDocument, SnapshotIndicator } from '@tiltak/domain';
import type { Catalogue } from './catalogue';
import type { Formats } from './formats';

/** A bar chart of one indicator: each municipality's value in the latest year any value was recorded. */
export interface BarChart {
  title: string;
  /** What the chart shows, values included, for readers who cannot see it. */
  alt: string;
  bars: { label: string; value: number; valueText: string }[];
  /** The top of the scale: the largest value, so the longest bar fills the width. */
  max: number;
}

export function indicatorChart(
  indicator: SnapshotIndicator,
  municipalities: SnapshotDocument['municipalities'],
  words: Catalogue,
  formats: Formats,
): BarChart | null {
  if (indicator.values.length === 0) return null;
  const year = Math.max(...indicator.values.map((value) => value.year));
  const bars = municipalities.map((municipality) => {
    const value = indicator.values.find((v) => v.municipalityId === municipality.id && v.year === year)?.value ?? 0;
    return { label: municipality.name, value, valueText: formats.number(value) };
  });
  return {
    title: `${indicator.name}, ${year}`,
    alt: words.chartAlt(
      indicator.name,
      year,
      bars.map((bar) => `${bar.label} ${bar.valueText}`).join(', '),
      indicator.unit,
    ),
    bars,
    max: Math.max(...bars.map((bar) => bar.value), 0),
  };
}
