import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '@tiltak/api-core';
import { type FocusAreaEntity, type ProgrammeEntity, ProgrammeRepository } from '@tiltak/api-data-access';
import { ChangeFeed } from '@tiltak/api-live';
import { osloDate } from '@tiltak/domain';

/**
 * A programme found is kept this long at most, in case a change to it never reached this
 * instance's change feed (one made while the feed's connection was down, or outside the API).
 */
const PROGRAMME_KEPT_MS = 60_000;

/**
 * What every programme service needs besides the caller: which programme, and which day it is in Oslo.
 * The programme and its focus areas are read once and kept: every write and every action's answer
 * would otherwise read them again. A change to them in the change log clears them.
 */
@Injectable()
export class ProgrammeContext implements OnModuleDestroy {
  private current: { programme: Promise<ProgrammeEntity | null>; until: number } | null = null;
  private areas: { byId: Promise<Map<string, FocusAreaEntity>>; until: number } | null = null;
  private readonly stopListening: () => void;

  constructor(
    private readonly programmes: ProgrammeRepository,
    feed: ChangeFeed,
  ) {
    this.stopListening = feed.listen((event) => {
      if (event.entity === 'programme') this.current = null;
      if (event.entity === 'programme' || event.entity === 'focus_area') this.areas = null;
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

  /**
   * A focus area of the programme, from the same kind of keeping: an action's answer names its focus
   * area, and it seldom changes. One this instance has not heard of yet is looked up again at once.
   */
  async focusArea(id: string): Promise<FocusAreaEntity | null> {
    const kept = this.areas && this.areas.until >= Date.now() ? await this.areas.byId : null;
    if (kept?.has(id)) return kept.get(id) ?? null;
    const byId = this.readFocusAreas();
    this.areas = { byId, until: Date.now() + PROGRAMME_KEPT_MS };
    void byId.catch(() => {
      if (this.areas?.byId === byId) this.areas = null;
    });
    return (await byId).get(id) ?? null;
  }

  today(): string {
    return osloDate();
  }

  private async readFocusAreas(): Promise<Map<string, FocusAreaEntity>> {
    const areas = await this.programmes.focusAreasOfProgramme((await this.programme()).id);
    return new Map(areas.map((area) => [area.id, area]));
  }

  private forget(programme: Promise<ProgrammeEntity | null>): void {
    if (this.current?.programme === programme) this.current = null;
  }
}
