export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const REPORT_LANGUAGES = ['nb', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** Where the API serves the council report of one snapshot. */
export function reportUrl(snapshotId: string, format: ReportFormat, lang: ReportLanguage): string {
  return `/documents/council-report/${encodeURIComponent(snapshotId)}?format=${format}&lang=${lang}`;
}
