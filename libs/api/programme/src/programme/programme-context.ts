import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiError, ApiErrorCode, Clock } from '@tiltak/api-core';
import { type FocusAreaEntity, type ProgrammeEntity, ProgrammeRepository } from '@tiltak/api-data-access';
import { ChangeFeed } from '@tiltak/api-live';

/**
 * A value read once and kept this long at most, in case a change to it never reached this instance's
 * change feed (one made while the feed's connection was down, or outside the API). A failed read is
 * not kept: the next caller reads again.
 */
const KEPT_MS = 60_000;

class Kept<T> {
  private kept: { value: Promise<T>; until: number } | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.kept || this.kept.until < Date.now()) {
      const value = this.read();
      this.kept = { value, until: Date.now() + KEPT_MS };
      value.catch(() => this.forget(value));
    }
    return this.kept.value;
  }

  forget(value?: Promise<T>): void {
    if (!value || this.kept?.value === value) this.kept = null;
  }
}

/**
 * What every programme service needs besides the caller: which programme, and which day it is in Oslo.
 * The programme and its focus areas are read once and kept: every write and every action's answer
 * would otherwise read them again. A change to them in the change log clears them.
 */
@Injectable()
export class ProgrammeContext implements OnModuleDestroy {
  private readonly current = new Kept(() => this.programmes.currentProgramme());
  private readonly areas = new Kept(() => this.readFocusAreas());
  private readonly region = new Kept(() => this.readRegionMunicipalityIds());
  private readonly stopListening: () => void;

  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly clock: Clock,
    feed: ChangeFeed,
  ) {
    this.stopListening = feed.listen((event) => {
      if (event.entity === 'programme') this.current.forget();
      if (event.entity === 'programme' || event.entity === 'municipality') this.region.forget();
      if (event.entity === 'programme' || event.entity === 'focus_area') this.areas.forget();
    });
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  async programme(): Promise<ProgrammeEntity> {
    const programme = await this.current.get();
    if (!programme) {
      // Not kept either: the programme may be loaded in a moment.
      this.current.forget();
      throw new ApiError(ApiErrorCode.NOT_FOUND, 'There is no action programme yet');
    }
    return programme;
  }

  /**
   * A focus area of the programme, kept the same way: an action's answer names its focus area, and
   * it seldom changes. One this instance has not heard of yet is looked up again at once.
   */
  async focusArea(id: string): Promise<FocusAreaEntity | null> {
    const kept = await this.areas.get();
    if (kept.has(id)) return kept.get(id) ?? null;
    this.areas.forget();
    return (await this.areas.get()).get(id) ?? null;
  }

  /** The ids of the region's municipalities: which actions concern all of them (regional actions). */
  regionMunicipalityIds(): Promise<readonly string[]> {
    return this.region.get();
  }

  today(): string {
    return this.clock.today();
  }

  private async readRegionMunicipalityIds(): Promise<readonly string[]> {
    const municipalities = await this.programmes.municipalitiesOfRegion((await this.programme()).regionId);
    return municipalities.map((m) => m.id);
  }

  private async readFocusAreas(): Promise<Map<string, FocusAreaEntity>> {
    const areas = await this.programmes.focusAreasOfProgramme((await this.programme()).id);
    return new Map(areas.map((area) => [area.id, area]));
  }
}
