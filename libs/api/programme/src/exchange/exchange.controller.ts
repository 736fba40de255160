import { Controller, Get, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  actorOf,
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
import {
  EXCHANGE_LANGUAGES,
  type ExchangeLanguage,
  SHEET_SLUGS,
  type SheetKind,
  writeSheetCsv,
  writeWorkbookXlsx,
} from '@tiltak/api-exchange';
import type { Permission, Principal } from '@tiltak/domain';
import type { Request, Response } from 'express';
import { ProgrammeContext } from '../programme/programme-context';
import { ExportService } from './export.service';
import { type ImportMode, ImportService } from './import.service';
import { withUpload } from './upload';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SEPARATORS = { semicolon: ';', comma: ',' } as const;
const MODES: Record<string, ImportMode> = { 'dry-run': 'DRY_RUN', apply: 'APPLY' };
const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * The programme as spreadsheets, and spreadsheets back into it:
 * `GET /exchange/programme.xlsx?lang=nb|en`, `GET /exchange/<sheet>.csv?lang=…&separator=semicolon|comma`
 * and `POST /exchange/import?mode=dry-run|apply&lang=…[&expect=<fingerprint>]` with the file as
 * the raw body. The checks GraphQL gets from its door are made here as the council report makes
 * them, in the same order and with the same typed body: a rate limit of its own (a workbook costs
 * far more than a query), a token that could not be checked (503) or was refused (401), then the
 * permission. Each imported row is checked again by the write it becomes.
 */
@Controller('exchange')
@PublicOperation('ANYONE_EVEN_WITH_A_STALE_TOKEN')
export class ExchangeController {
  constructor(
    private readonly exports: ExportService,
    private readonly imports: ImportService,
    private readonly context: ProgrammeContext,
    private readonly policy: PolicyService,
    private readonly rateLimits: RateLimits,
  ) {}

  @Get(':file')
  async download(
    @Param('file') file: string,
    @Query('lang') langParam: unknown,
    @Query('separator') separatorParam: unknown,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const viewer = await this.admit(request, { kind: 'EXPORT_SPREADSHEETS' });
      const language = queryChoice<ExchangeLanguage>(EXCHANGE_LANGUAGES, langParam ?? 'nb', 'lang');
      const today = this.context.today();
      if (file === 'programme.xlsx') {
        const workbook = await this.exports.workbook(viewer, language);
        this.startDownload(response, XLSX, `tiltak-${today}.xlsx`);
        await writeWorkbookXlsx(workbook, language, response);
        response.end();
        return;
      }
      const kind = (Object.keys(SHEET_SLUGS) as SheetKind[]).find((k) => file === `${SHEET_SLUGS[k]}.csv`);
      const sheet = kind && (await this.exports.sheet(viewer, kind, language));
      if (!kind || !sheet) throw new ApiError(ApiErrorCode.NOT_FOUND, 'No such download.', { reason: 'NO_SUCH_FILE' });
      const separator = queryChoice(Object.keys(SEPARATORS), separatorParam ?? 'comma', 'separator');
      this.startDownload(response, 'text/csv; charset=utf-8', `tiltak-${SHEET_SLUGS[kind]}-${today}.csv`);
      await writeSheetCsv(sheet, language, SEPARATORS[separator as keyof typeof SEPARATORS], response);
      response.end();
    } catch (error) {
      answerRefusal(error, response);
    }
  }

  @Post('import')
  async upload(
    @Query('mode') modeParam: unknown,
    @Query('lang') langParam: unknown,
    @Query('expect') expectParam: unknown,
    @Req() request: Request & AuthenticatedRequest,
    @Res() response: Response,
  ): Promise<void> {
    try {
      const viewer = await this.admit(request, { kind: 'IMPORT_SPREADSHEETS' });
      const mode = MODES[queryChoice(Object.keys(MODES), modeParam ?? 'dry-run', 'mode')] as ImportMode;
      const language = queryChoice<ExchangeLanguage>(EXCHANGE_LANGUAGES, langParam ?? 'nb', 'lang');
      if (expectParam !== undefined && (typeof expectParam !== 'string' || !FINGERPRINT.test(expectParam))) {
        throw new ApiError(ApiErrorCode.BAD_USER_INPUT, 'expect must be the fingerprint of a dry run.', {
          field: 'expect',
          reason: 'NOT_A_FINGERPRINT',
        });
      }
      const caller = { viewer, actor: actorOf(request) };
      const expect = expectParam ?? null;
      const plan = await withUpload(request, (path) => this.imports.import(caller, path, mode, language, expect));
      response.status(HttpStatus.OK).set('Cache-Control', 'private, no-store').json(plan);
    } catch (error) {
      answerRefusal(error, response);
    }
  }

  /** The door's checks, in GraphQL's order; answers the viewer they admit (signed in, by both permissions). */
  private async admit(request: Request & AuthenticatedRequest, permission: Permission): Promise<Principal> {
    const door = { rateLimits: this.rateLimits, policy: this.policy, limit: 'documents' as const, permission };
    return (await admitPlainRequest(request, door)) as Principal;
  }

  private startDownload(response: Response, type: string, fileName: string): void {
    response.status(HttpStatus.OK).set({
      'Content-Type': type,
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    });
  }
}
