import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import {
  admitPlainRequest,
  answerRefusal,
  ApiError,
  ApiErrorCode,
  type AuthenticatedRequest,
  PolicyService,
  PublicOperation,
  queryChoice,
  RateLimits,
} from '@tiltak/api-core';
import type { Request, Response } from 'express';
import { CouncilReportService } from './council-report.service';
import { REPORT_LANGUAGES, type ReportLanguage } from './lib/catalogue';
import {
  CONTENT_TYPES,
  councilReportFileName,
  REPORT_FORMATS,
  type ReportFormat,
  writeCouncilReport,
} from './lib/council-report';

/**
 * `GET /documents/council-report/:snapshotId?format=pdf|docx&lang=nb|en`: the council report of one
 * snapshot, streamed as a download. The dashboard fetches it with the user's Bearer token. The
 * checks GraphQL gets from its door are made here, in the same order and with the same typed
 * body (`{ errors: [{ message, extensions: { code, … } }] }`): a rate limit of its own (a report
 * costs far more to make than a query, so a coordinator's account cannot keep the CPU busy), a token
 * that could not be checked (503) or was refused (401), then READ_COUNCIL_REPORTS.
 */
@Controller('documents/council-report')
@PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
export class CouncilReportController {
  constructor(
    private readonly reports: CouncilReportService,
    private readonly policy: PolicyService,
    private readonly rateLimits: RateLimits,
  ) {}

  @Get(':snapshotId')
  async download(
    @Param('snapshotId') snapshotId: string,
    @Query('format') formatParam: unknown,
    @Query('lang') langParam: unknown,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    try {
      await admitPlainRequest(request, {
        rateLimits: this.rateLimits,
        policy: this.policy,
        limit: 'documents',
        permission: { kind: 'READ_COUNCIL_REPORTS' },
      });
      const format = queryChoice<ReportFormat>(REPORT_FORMATS, formatParam ?? 'pdf', 'format');
      const language = queryChoice<ReportLanguage>(REPORT_LANGUAGES, langParam ?? 'nb', 'lang');
      const input = await this.reports.reportInput(snapshotId, language);
      if (!input)
        throw new ApiError(ApiErrorCode.NOT_FOUND, 'No snapshot has this id.', { reason: 'SNAPSHOT_NOT_FOUND' });
      response.status(HttpStatus.OK).set({
        'Content-Type': CONTENT_TYPES[format],
        'Content-Disposition': `attachment; filename="${councilReportFileName(input.snapshot.document.asOf, format)}"`,
        'Cache-Control': 'private, no-store',
      });
      await writeCouncilReport(input, format, response);
    } catch (error) {
      answerRefusal(error, response);
    }
  }
}
