import { Injectable } from '@nestjs/common';
import {
  assessHealth,
  compareActionCodes,
  FUNDING_STATUSES,
  type FundingTotals,
  osloDate,
  registerKindOf,
  rollUpProgress,
  SNAPSHOT_FORMAT,
  type SnapshotAction,
  type SnapshotCell,
  type SnapshotDocument,
  type SnapshotFunding,
  type SnapshotIndicator,
  type StatusCounts,
} from '@tiltak/domain';
import { type EntityManager, In } from 'typeorm';
import {
  ActionEntity,
  FocusAreaEntity,
  FundingLineEntity,
  GoalEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  InvolvementEntity,
  MilestoneEntity,
  MunicipalityEntity,
  ParticipationEntity,
  PartyEntity,
  ProgrammeEntity,
  RegionEntity,
  ActionGoalEntity,
} from '../entities';
import { type FundingSums, FundingRepository } from './funding.repository';
import { GoalRepository } from './goal.repository';
import { IndicatorRepository } from './indicator.repository';
import { NetworkRepository } from './network.repository';
import {
  expectedOfSums,
  type ExpectationRow,
  matrixCellFigures,
  ProgressRepository,
  sumExpectations,
} from './progress.repository';
import { regionalFromRegister, regionalFromTyped } from './regional-values';
import { narrativesOfActions } from './snapshot-narratives';

const byCode = (a: { code: string }, b: { code: string }) => compareActionCodes(a.code, b.code);

const noStatuses = (): StatusCounts => ({ notStarted: 0, inProgress: 0, onHold: 0, completed: 0, cancelled: 0 });
const STATUS_KEY = {
  NOT_STARTED: 'notStarted',
  IN_PROGRESS: 'inProgress',
  ON_HOLD: 'onHold',
  COMPLETED: 'completed',
  CANCELLED: 'cancelled',
} as const;

/** Unfinished actions by health on the action axis, as the overview's standing counts them. */
function healthOf(rows: readonly ExpectationRow[]) {
  const sums = sumExpectations(rows);
  return { onTrack: sums.counted - sums.atRisk - sums.offTrack, atRisk: sums.atRisk, offTrack: sums.offTrack };
}

function totalsOf(
  sums: FundingSums | null | undefined,
  lines: readonly FundingLineEntity[],
  overActions: boolean,
): FundingTotals {
  const parts = new Map<
    string,
    { source: FundingLineEntity['source']; status: FundingLineEntity['status']; amount: number }
  >();
  for (const line of lines) {
    const key = `${line.source}:${line.status}`;
    const part = parts.get(key) ?? { source: line.source, status: line.status, amount: 0 };
    part.amount += line.amount;
    parts.set(key, part);
  }
  return {
    budget: overActions ? (sums?.budget ?? 0) : null,
    planned: sums?.planned ?? 0,
    applied: sums?.applied ?? 0,
    granted: sums?.granted ?? 0,
    refused: sums?.refused ?? 0,
    actionCount: sums?.actions ?? 0,
    bySource: [...parts.values()].sort(
      (a, b) =>
        a.source.localeCompare(b.source) || FUNDING_STATUSES.indexOf(a.status) - FUNDING_STATUSES.indexOf(b.status),
    ),
  };
}

/**
 * The programme as it stands, as one `SnapshotDocument`: every figure read by the queries and rules
 * the dashboard shows it with (the kept matrix cells, the roll-ups, the funding sums, the regional
 * values), inside the caller's transaction, so that a snapshot and the dashboard at that moment
 * agree. A fixed number of statements whatever the number of actions.
 */
@Injectable()
export class SnapshotBuilder {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly funding: FundingRepository,
    private readonly goals: GoalRepository,
    private readonly indicators: IndicatorRepository,
    private readonly networks: NetworkRepository,
  ) {}

  async build(manager: EntityManager, programmeId: string, now: Date): Promise<SnapshotDocument> {
    const asOf = osloDate(now);
    const programme = await manager.findOneByOrFail(ProgrammeEntity, { id: programmeId });
    const region = await manager.findOneByOrFail(RegionEntity, { id: programme.regionId });
    const municipalities = await manager.find(MunicipalityEntity, {
      where: { regionId: programme.regionId },
      order: { name: 'ASC' },
    });
    const focusAreas = await manager.find(FocusAreaEntity, { where: { programmeId }, order: { sortOrder: 'ASC' } });
    const actions = await manager.find(ActionEntity, { where: { programmeId } });
    actions.sort(byCode);
    const actionIds = actions.map((a) => a.id);
    const cells = await this.progress.matrix(programmeId, programme.regionId, asOf, manager);
    const expectations = await this.progress.expectations(programmeId, asOf, asOf, manager);
    const programmeProgress = await this.progress.programmeProgress(programmeId, manager);
    const areaProgress = await this.progress.focusAreaProgress(programmeId, manager);
    const municipalityProgress = await this.progress.municipalityProgress(programmeId, manager);
    const contributions = await this.progress.contributions(programmeId, {}, asOf, manager);
    const goalContributions = await this.goals.contributionsByGoal(programmeId, programme.regionId, asOf, manager);
    const goals = await manager.find(GoalEntity, {
      where: { regionId: programme.regionId },
      order: { sortOrder: 'ASC', code: 'ASC' },
    });
    const goalLinks = await manager.find(ActionGoalEntity, { where: { actionId: In(actionIds) } });
    const participations = await manager.find(ParticipationEntity, { where: { actionId: In(actionIds) } });
    const milestones = await manager.find(MilestoneEntity, {
      where: { actionId: In(actionIds) },
      order: { dueDate: 'ASC', title: 'ASC' },
    });
    const involvements = await manager.find(InvolvementEntity, { where: { actionId: In(actionIds) } });
    const lines = await manager.find(FundingLineEntity, {
      where: { actionId: In(actionIds) },
      order: { year: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const narratives = await narrativesOfActions(manager, programmeId);

    const grouped = <T extends { actionId: string }>(rows: readonly T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.actionId, [...(map.get(row.actionId) ?? []), row]);
      return map;
    };
    const participationsOf = grouped(participations);
    const milestonesOf = grouped(milestones);
    const involvementsOf = grouped(involvements);
    const linesOf = grouped(lines);
    const goalsOf = grouped(goalLinks);
    const figuresOf = grouped(contributions);
    const municipalityOrder = new Map(municipalities.map((m, i) => [m.id, i]));

    const snapshotActions: SnapshotAction[] = actions.map((action) => {
      const computed = assessHealth({ ...action, today: asOf }).health;
      const narrative = narratives.get(action.id) ?? null;
      return {
        id: action.id,
        code: action.code,
        name: action.title,
        focusAreaId: action.focusAreaId,
        municipalityIds: (participationsOf.get(action.id) ?? [])
          .map((p) => p.municipalityId)
          .sort((a, b) => (municipalityOrder.get(a) ?? 0) - (municipalityOrder.get(b) ?? 0)),
        goalIds: (goalsOf.get(action.id) ?? []).map((link) => link.goalId).sort(),
        status: action.status,
        progress: action.progress,
        health: action.healthOverride ?? computed,
        healthOverridden: action.healthOverride !== null,
        narrative: narrative?.text ?? null,
        narrativeSource: narrative?.source ?? null,
        deadline: action.dueDate,
        municipalityFigures: (figuresOf.get(action.id) ?? []).map((row) => ({
          municipalityId: row.municipalityId,
          status: row.status,
          progress: row.progress,
          health: row.health,
        })),
        milestones: (milestonesOf.get(action.id) ?? []).map((m) => ({
          id: m.id,
          title: m.title,
          dueDate: m.dueDate,
          weight: m.weight,
          completedOn: m.completedOn,
          overdue: m.completedOn === null && m.dueDate < asOf,
        })),
        involvements: (involvementsOf.get(action.id) ?? [])
          .map((i) => ({ partyId: i.partyId, role: i.role, level: i.level }))
          .sort((a, b) => a.partyId.localeCompare(b.partyId) || a.role.localeCompare(b.role)),
        budget: action.budget,
        fundingLines: (linesOf.get(action.id) ?? []).map((line) => ({
          id: line.id,
          source: line.source,
          municipalityId: line.municipalityId,
          sourceName: line.sourceName,
          status: line.status,
          amount: line.amount,
          year: line.year,
        })),
        caseReference: action.caseReference,
      };
    });

    const byStatus = noStatuses();
    for (const action of actions) byStatus[STATUS_KEY[action.status]] += 1;

    // The overview's own cells, by the same function.
    const matrix: SnapshotCell[] = matrixCellFigures(cells, expectations);
    const actionAxis = expectations.filter((row) => row.municipalityId === null);
    const progressOf = (rows: { key: string; progress: number | null }[]) =>
      new Map(rows.map((row) => [row.key, row.progress]));
    const areaProgressOf = progressOf(areaProgress);
    const municipalityProgressOf = progressOf(municipalityProgress);

    const partyIds = [...new Set(involvements.map((i) => i.partyId))];
    const parties = await manager.find(PartyEntity, { where: { id: In(partyIds) }, order: { name: 'ASC' } });

    return {
      format: SNAPSHOT_FORMAT,
      takenAt: now.toISOString(),
      asOf,
      programme: {
        id: programme.id,
        name: programme.name,
        period: `${programme.startYear}–${programme.endYear}`,
        regionName: region.name,
        progress: programmeProgress,
        expectedProgress: expectedOfSums(sumExpectations(expectations.filter((row) => row.municipalityId !== null))),
        byHealth: healthOf(actionAxis),
        byStatus,
      },
      municipalities: municipalities.map((m) => {
        const own = matrix.filter((cell) => cell.municipalityId === m.id);
        return {
          id: m.id,
          name: m.name,
          progress: municipalityProgressOf.get(m.id) ?? null,
          actionCount: snapshotActions.filter((a) => a.municipalityIds.includes(m.id)).length,
          byHealth: {
            onTrack: own.reduce((sum, cell) => sum + cell.byHealth.onTrack, 0),
            atRisk: own.reduce((sum, cell) => sum + cell.byHealth.atRisk, 0),
            offTrack: own.reduce((sum, cell) => sum + cell.byHealth.offTrack, 0),
          },
        };
      }),
      focusAreas: focusAreas.map((area) => ({
        id: area.id,
        code: area.code,
        name: area.name,
        goalId: area.goalId ?? null,
        progress: areaProgressOf.get(area.id) ?? null,
        actionCount: actions.filter((a) => a.focusAreaId === area.id).length,
        byHealth: healthOf(actionAxis.filter((row) => row.focusAreaId === area.id)),
      })),
      matrix,
      goals: goals.map((goal) => ({
        id: goal.id,
        code: goal.code,
        name: goal.name,
        parentId: goal.parentId,
        progress: rollUpProgress(goalContributions.filter((row) => row.goalId === goal.id)).progress,
      })),
      actions: snapshotActions,
      parties: parties.map((p) => ({ id: p.id, name: p.name, kind: p.kind, municipalityId: p.homeMunicipalityId })),
      indicators: await this.indicatorsOf(manager, programme, municipalities, asOf),
      funding: await this.fundingOf(manager, programmeId, actions, lines),
    };
  }

  private async indicatorsOf(
    manager: EntityManager,
    programme: ProgrammeEntity,
    municipalities: MunicipalityEntity[],
    asOf: string,
  ): Promise<SnapshotIndicator[]> {
    const indicators = await manager.find(IndicatorEntity, {
      where: { programmeId: programme.id },
      order: { name: 'ASC' },
    });
    const ids = indicators.map((i) => i.id);
    const regionIds = municipalities.map((m) => m.id);
    const values = await manager.find(IndicatorValueEntity, {
      where: { indicatorId: In(ids) },
      order: { year: 'ASC' },
    });
    const sums = await this.indicators.typedYearSums(ids, programme.regionId, manager);
    // The register's years as the dashboard counts them: the programme's years up to this one.
    const from = programme.startYear;
    const to = Math.min(programme.endYear, Number(asOf.slice(0, 4)));
    const registers = new Map<string, Awaited<ReturnType<SnapshotBuilder['registerOf']>>>();
    for (const kind of new Set(indicators.map((i) => registerKindOf(i.source)).filter((k) => k !== null))) {
      registers.set(kind, await this.registerOf(manager, programme.regionId, kind, from, to));
    }
    const inRegion = new Set(regionIds);
    return indicators.map((indicator) => {
      const kind = registerKindOf(indicator.source);
      const register = kind ? registers.get(kind) : undefined;
      const own = register
        ? register.municipal.map((c) => ({
            municipalityId: c.municipalityId,
            year: c.year,
            value: c.networkIds.length,
          }))
        : values
            .filter((v) => v.indicatorId === indicator.id && inRegion.has(v.municipalityId))
            .map((v) => ({ municipalityId: v.municipalityId, year: v.year, value: v.value }));
      const regional = register
        ? regionalFromRegister(register.regional, regionIds)
        : regionalFromTyped(
            sums.filter((row) => row.indicatorId === indicator.id),
            regionIds,
            indicator.summable,
          );
      return {
        id: indicator.id,
        name: indicator.name,
        unit: indicator.unit,
        focusAreaId: indicator.focusAreaId,
        baseline: indicator.baseline,
        target: indicator.target,
        targetYear: indicator.targetYear,
        summable: indicator.summable,
        values: own.sort((a, b) => a.year - b.year || a.municipalityId.localeCompare(b.municipalityId)),
        regionalValues: regional
          .filter((row) => row.value !== null)
          .map((row) => ({ year: row.year, value: row.value as number })),
      };
    });
  }

  private async registerOf(
    manager: EntityManager,
    regionId: string,
    kind: NonNullable<ReturnType<typeof registerKindOf>>,
    from: number,
    to: number,
  ) {
    const municipal = await this.networks.municipalCounts(regionId, kind, from, to, manager);
    const regional = await this.networks.regionalCounts(regionId, kind, from, to, manager);
    return { municipal, regional };
  }

  private async fundingOf(
    manager: EntityManager,
    programmeId: string,
    actions: readonly ActionEntity[],
    lines: readonly FundingLineEntity[],
  ): Promise<SnapshotFunding> {
    const region = await this.funding.sumsOfProgramme(programmeId, manager);
    const byFocusArea = await this.funding.sumsByFocusArea(programmeId, manager);
    const byMunicipality = await this.funding.sumsByMunicipality(programmeId, manager);
    const areaOf = new Map(actions.map((a) => [a.id, a.focusAreaId]));
    const shares = lines.filter((line) => line.source === 'MUNICIPALITY' && line.municipalityId !== null);
    return {
      region: totalsOf(region, lines, true),
      byFocusArea: byFocusArea
        .map((sums) => ({
          focusAreaId: sums.key,
          ...totalsOf(
            sums,
            lines.filter((line) => areaOf.get(line.actionId) === sums.key),
            true,
          ),
        }))
        .sort((a, b) => a.focusAreaId.localeCompare(b.focusAreaId)),
      byMunicipality: byMunicipality
        .map((sums) => ({
          municipalityId: sums.key,
          ...totalsOf(
            sums,
            shares.filter((line) => line.municipalityId === sums.key),
            false,
          ),
        }))
        .sort((a, b) => a.municipalityId.localeCompare(b.municipalityId)),
    };
  }
}
