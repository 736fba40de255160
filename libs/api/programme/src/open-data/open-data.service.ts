import { Injectable } from '@nestjs/common';
import {
  ActionRepository,
  ChangeLogRepository,
  type ProgrammeEntity,
  ProgrammeRepository,
} from '@tiltak/api-data-access';
import { formatPeriod } from '@tiltak/domain';
import { createHash } from 'node:crypto';
import { toActionModel } from '../models/action.model';
import type { ProgressCellModel } from '../models/matrix.model';
import { RequestLoaders } from '../loaders/request-loaders';
import { ProgrammeContext } from '../programme/programme-context';
import { ProgressService } from '../programme/progress.service';
import {
  OPEN_DATA_LICENCE,
  type OpenAction,
  type OpenData,
  type OpenDataFile,
  type OpenMatrixCell,
  writeOpenDataFile,
} from './open-data.files';

/** Which picture of the programme a file shows: its period, its change-log position and the day. */
export interface OpenDataVersion {
  programme: ProgrammeEntity;
  key: string;
}

/**
 * The open data, made from the same reads and rules the dashboard's overview answers with. The
 * files are made once per change to the programme and per day (health and overdue milestones are
 * judged by the day), then served from memory until the change log moves on: anyone may ask for
 * them, and most asks are a harvester checking whether anything changed.
 */
@Injectable()
export class OpenDataService {
  private kept: { key: string; files: Map<OpenDataFile, Promise<Buffer>>; data: Promise<OpenData> } | null = null;

  constructor(
    private readonly context: ProgrammeContext,
    private readonly actions: ActionRepository,
    private readonly programmes: ProgrammeRepository,
    private readonly changeLog: ChangeLogRepository,
    private readonly progress: ProgressService,
    private readonly loaders: RequestLoaders,
  ) {}

  async version(): Promise<OpenDataVersion> {
    const programme = await this.context.programme();
    const seq = await this.changeLog.latestSeq(programme.id);
    return { programme, key: `${programme.id}:${seq}:${this.context.today()}` };
  }

  /** A strong validator: the same version and file always have the same bytes on this instance. */
  etag(version: OpenDataVersion, file: OpenDataFile): string {
    return `"${createHash('sha256').update(`${version.key}:${file}`).digest('base64url').slice(0, 27)}"`;
  }

  file(version: OpenDataVersion, file: OpenDataFile): Promise<Buffer> {
    if (this.kept?.key !== version.key) {
      const data = this.read(version.programme);
      this.kept = { key: version.key, files: new Map(), data };
      // A read that failed (the database went away) is not kept: the next ask reads again.
      data.catch(() => {
        if (this.kept?.data === data) this.kept = null;
      });
    }
    const kept = this.kept;
    let bytes = kept.files.get(file);
    if (!bytes) {
      bytes = kept.data.then((data) => writeOpenDataFile(data, file));
      kept.files.set(file, bytes);
    }
    return bytes;
  }

  private async read(programme: ProgrammeEntity): Promise<OpenData> {
    const today = this.context.today();
    const [entities, focusAreas, municipalities, cells] = await Promise.all([
      this.actions.actionsOfProgramme(programme.id),
      this.programmes.focusAreasOfProgramme(programme.id),
      this.programmes.municipalitiesOfRegion(programme.regionId),
      this.progress.matrix(this.loaders.for({})),
    ]);
    const participations = entities.length
      ? await this.actions.participationsOfActions(entities.map((action) => action.id))
      : [];
    const areaById = new Map(focusAreas.map((area) => [area.id, area]));
    const municipalityName = new Map(municipalities.map((municipality) => [municipality.id, municipality.name]));
    const namesOf = new Map<string, string[]>();
    for (const participation of participations) {
      namesOf.set(participation.actionId, [
        ...(namesOf.get(participation.actionId) ?? []),
        participation.municipality.name,
      ]);
    }
    const actions = entities.map((entity): OpenAction => {
      const action = toActionModel(entity, today);
      const area = areaById.get(action.focusAreaId);
      return {
        code: action.code,
        title: action.title,
        focus_area_code: area?.code ?? '',
        focus_area: area?.name ?? '',
        municipalities: namesOf.get(action.id) ?? [],
        status: action.status,
        progress_percent: action.progress,
        health: action.health,
        start_date: action.startDate,
        due_date: action.dueDate,
        updated_at: action.updatedAt.toISOString(),
      };
    });
    // By municipality, then the focus areas in the plan's order, as the overview's matrix reads.
    const areaIndex = new Map(focusAreas.map((area, index) => [area.id, index]));
    const matrix = [...cells]
      .sort(
        (a, b) =>
          (municipalityName.get(a.municipalityId) ?? '').localeCompare(
            municipalityName.get(b.municipalityId) ?? '',
            'nb',
          ) || (areaIndex.get(a.focusAreaId) ?? 0) - (areaIndex.get(b.focusAreaId) ?? 0),
      )
      .map((cell) => toOpenCell(cell, municipalityName.get(cell.municipalityId) ?? '', areaById.get(cell.focusAreaId)));
    return {
      programme: { name: programme.name, period: formatPeriod(programme) },
      generated_at: new Date().toISOString(),
      licence: OPEN_DATA_LICENCE,
      actions,
      matrix,
    };
  }
}

function toOpenCell(
  cell: ProgressCellModel,
  municipality: string,
  area: { code: string; name: string } | undefined,
): OpenMatrixCell {
  return {
    municipality,
    focus_area_code: area?.code ?? '',
    focus_area: area?.name ?? '',
    action_count: cell.actionCount,
    progress_percent: cell.progress,
    expected_progress_percent: cell.expectedProgress,
    not_started: cell.byStatus.notStarted,
    in_progress: cell.byStatus.inProgress,
    on_hold: cell.byStatus.onHold,
    completed: cell.byStatus.completed,
    cancelled: cell.byStatus.cancelled,
    on_track: cell.byHealth.onTrack,
    at_risk: cell.byHealth.atRisk,
    off_track: cell.byHealth.offTrack,
    overdue_milestones: cell.overdueMilestones,
    stale: cell.stale,
  };
}
