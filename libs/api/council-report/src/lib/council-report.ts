import type { Writable } from 'node:stream';
import { writeCouncilReportDocx } from './docx-report';
import { writeCouncilReportPdf } from './pdf-report';
import { type CouncilReportInput, reportContent } from './report-content';

export const REPORT_FORMATS = ['pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Writes the council report of one stored snapshot to `output`, and resolves when it is all written. */
export async function writeCouncilReport(
  input: CouncilReportInput,
  format: ReportFormat,
  output: Writable,
): Promise<void> {
  const content = reportContent(input);
  if (format === 'pdf') await writeCouncilReportPdf(content, output);
  else await writeCouncilReportDocx(content, output);
}

/** The name the file is saved under: the snapshot's date, so reports for different meetings sort by date. */
export function councilReportFileName(asOf: string, format: ReportFormat): string {
  return `rapport-til-regionradet-${asOf.slice(0, 10)}.${format}`;
}
