import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '@tiltak/api-core';
import { type ProgrammeEntity, ProgrammeRepository } from '@tiltak/api-data-access';
import { ChangeFeed } from '@tiltak/api-live';
import { osloDate } from '@tiltak/domain';

/**
 * A programme found is kept this long at most, in case a change to it never reached this
 * instance's change feed (one made while the feed's connection was down, or outside the API).
 */
const PROGRAMME_KEPT_MS = 60_000;

/**
 * What every programme service needs besides the caller: which programme, and which day it is in Oslo.
 * The programme is read once and kept: every write would otherwise read it again. A change to it
 * in the change log clears it.
 */
@Injectable()
export class ProgrammeContext implements OnModuleDestroy {
  private current: { programme: Promise<ProgrammeEntity | null>; until: number } | null = null;
  private readonly stopListening: () => void;

  constructor(
    private readonly programmes: ProgrammeRepository,
    feed: ChangeFeed,
  ) {
    this.stopListening = feed.listen((event) => {
      if (event.entity === 'programme') this.current = null;
    });
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  async programme(): Promise<ProgrammeEntity> {
    if (!this.current || this.current.until < Date.now()) {
      const programme = this.programmes.currentProgramme();
      this.current = { programme, until: Date.now() + PROGRAMME_KEPT_MS };
      // A failed or empty read is not kept: the next request asks again.
      void programme.then(
        (found) => found ?? this.forget(programme),
        () => this.forget(programme),
      );
    }
    const programme = await this.current.programme;
    if (!programme) throw new ApiError(ApiErrorCode.NOT_FOUND, 'There is no action programme yet');
    return programme;
  }

  today(): string {
    return osloDate();
  }

  private forget(programme: Promise<ProgrammeEntity | null>): void {
    if (this.current?.programme === programme) this.current = null;
  }
}
