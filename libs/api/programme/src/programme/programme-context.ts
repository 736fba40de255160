import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ApiError, ApiErrorCode, Clock, requestedPeriod } from '@tiltak/api-core';
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
 * The programme is the current period, or the earlier one the request asked for (`period-scope.ts`).
 * Programmes and their focus areas are read once and kept, per programme: every write and every
 * action's answer would otherwise read them again. A change to them in the change log clears them.
 */
@Injectable()
export class ProgrammeContext implements OnModuleDestroy {
  private readonly current = new Kept(() => this.programmes.currentProgramme());
  /** Earlier periods asked for by id; only programmes that exist are kept, and there are few. */
  private readonly periods = new Map<string, Kept<ProgrammeEntity | null>>();
  private readonly areas = new Map<string, Kept<Map<string, FocusAreaEntity>>>();
  private readonly region = new Kept(() => this.readRegionMunicipalityIds());
  private readonly stopListening: () => void;

  constructor(
    private readonly programmes: ProgrammeRepository,
    private readonly clock: Clock,
    feed: ChangeFeed,
  ) {
    this.stopListening = feed.listen((event) => {
      if (event.entity === 'programme') {
        this.current.forget();
        this.periods.clear();
      }
      if (event.entity === 'programme' || event.entity === 'municipality') this.region.forget();
      if (event.entity === 'programme' || event.entity === 'focus_area') this.areas.clear();
    });
  }

  onModuleDestroy(): void {
    this.stopListening();
  }

  /** The period this request reads: the one it asked for, else the current one. */
  async programme(): Promise<ProgrammeEntity> {
    const asked = requestedPeriod()?.programmeId;
    if (asked) {
      const period = await this.period(asked);
      if (!period) throw new ApiError(ApiErrorCode.NOT_FOUND, `There is no programme period ${asked}`);
      return period;
    }
    return this.currentProgramme();
  }

  /** As `programme()`, but null while there is no programme at all yet. */
  async programmeIfAny(): Promise<ProgrammeEntity | null> {
    if (requestedPeriod()) return this.programme();
    const programme = await this.current.get();
    if (!programme) this.current.forget();
    return programme;
  }

  /** The period being run, whichever one the request reads. */
  async currentProgramme(): Promise<ProgrammeEntity> {
    const programme = await this.current.get();
    if (!programme) {
      // Not kept either: the programme may be loaded in a moment.
      this.current.forget();
      throw new ApiError(ApiErrorCode.NOT_FOUND, 'There is no action programme yet');
    }
    return programme;
  }

  /** Reads the programmes and their focus areas again at next use: a revision just changed them. */
  forgetProgrammes(): void {
    this.current.forget();
    this.periods.clear();
    this.areas.clear();
  }

  /** A programme period by id, or null when there is none. */
  async period(id: string): Promise<ProgrammeEntity | null> {
    let kept = this.periods.get(id);
    if (!kept) {
      kept = new Kept(() => this.programmes.programmeById(id));
      this.periods.set(id, kept);
    }
    const period = await kept.get();
    if (!period) this.periods.delete(id);
    return period;
  }

  /**
   * A focus area of the programme, kept the same way: an action's answer names its focus area, and
   * it seldom changes. One this instance has not heard of yet is looked up again at once.
   */
  async focusArea(id: string): Promise<FocusAreaEntity | null> {
    const programmeId = (await this.programme()).id;
    const kept = await this.areasOf(programmeId).get();
    if (kept.has(id)) return kept.get(id) ?? null;
    this.areas.delete(programmeId);
    return (await this.areasOf(programmeId).get()).get(id) ?? null;
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

  private areasOf(programmeId: string): Kept<Map<string, FocusAreaEntity>> {
    let kept = this.areas.get(programmeId);
    if (!kept) {
      kept = new Kept(async () => {
        const areas = await this.programmes.focusAreasOfProgramme(programmeId);
        return new Map(areas.map((area) => [area.id, area]));
      });
      this.areas.set(programmeId, kept);
    }
    return kept;
  }
}
