import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '@tiltak/api-core';
import { type ProgrammeEntity, ProgrammeRepository } from '@tiltak/api-data-access';
import { osloDate } from '@tiltak/domain';

/**
 * What every programme service needs besides the caller: which programme, and which day it is in Oslo.
 */
@Injectable()
export class ProgrammeContext {
  constructor(private readonly programmes: ProgrammeRepository) {}

  async programme(): Promise<ProgrammeEntity> {
    const programme = await this.programmes.currentProgramme();
    if (!programme) throw new ApiError(ApiErrorCode.NOT_FOUND, 'There is no action programme yet');
    return programme;
  }

  today(): string {
    return osloDate();
  }
}
