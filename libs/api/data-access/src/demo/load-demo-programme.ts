import { actionProgress, MUNICIPALITY_SLUGS, osloDate } from '@tiltak/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { appendChangeEvents, WriteTransaction } from '../change-log/programme-writer';
import {
  ActionEntity,
  AdoptionEntity,
  FocusAreaEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  InvolvementEntity,
  MilestoneEntity,
  MunicipalityEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  ParticipationEntity,
  PartyEntity,
  ProgrammeEntity,
  RegionEntity,
  StatusUpdateEntity,
  UserEntity,
} from '../entities';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';
import { loadDemoArchive } from './demo-archive';
import { loadDemoFunding } from './demo-funding';
import { loadDemoGoals } from './demo-goals';
import { loadDemoProposal } from './demo-proposal';
import { loadDemoRound } from './demo-round';
import { DEMO_ACTIONS, DEMO_ADOPTIONS, DEMO_INDICATORS, DEMO_PARTIES } from './demo-content';
import { DEMO_NETWORKS } from './demo-networks';
import { loadDemoSnapshot } from './demo-snapshot';
import { DEMO_FOCUS_AREAS, DEMO_MUNICIPALITIES, DEMO_PROGRAMME, DEMO_REGION } from './demo-programme';

/**
 * Loads the demo programme when the database holds no programme yet, in one transaction, so a
 * crash half-way leaves an empty database that the next start fills again. Returns whether it loaded.
 */
export async function loadDemoProgrammeIfEmpty(
  dataSource: DataSource,
  hashPassword: (password: string) => Promise<string>,
  /** When the demo is loaded: its reporting round's deadline lies a couple of weeks after it. */
  now: Date = new Date(),
): Promise<boolean> {
  // Hashing is slow on purpose; do it before the transaction takes its lock.
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    // Two instances starting together on one empty database must not both load it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tiltak:demo-programme'))`);
    if (await manager.exists(ProgrammeEntity)) return false;

    const region = await manager.save(manager.create(RegionEntity, DEMO_REGION));
    const municipalities = await manager.save(
      DEMO_MUNICIPALITIES.map((municipality) =>
        manager.create(MunicipalityEntity, { ...municipality, regionId: region.id }),
      ),
    );
    const programme = await manager.save(manager.create(ProgrammeEntity, { ...DEMO_PROGRAMME, regionId: region.id }));
    const focusAreas = await manager.save(
      DEMO_FOCUS_AREAS.map(({ code, name, description }, index) =>
        manager.create(FocusAreaEntity, { code, name, description, programmeId: programme.id, sortOrder: index + 1 }),
      ),
    );
    const municipalityIds = new Map(municipalities.map((m) => [m.slug, m.id]));
    const ids: Ids = {
      municipality: municipalityIds,
      focusArea: new Map(focusAreas.map((f) => [f.code, f.id])),
      party: await loadParties(manager, region.id, municipalityIds),
    };
    await loadActions(manager, programme.id, ids);
    await loadIndicators(manager, programme.id, ids);
    await loadNetworks(manager, programme.id, region.id, ids);
    await loadDemoGoals(manager, region.id, programme.id);
    await loadDemoFunding(manager, programme.id, ids.municipality, ids.party);
    await manager.insert(
      UserEntity,
      DEMO_ACCOUNTS.map((account) => ({
        email: account.email,
        name: account.name,
        role: account.role,
        municipalityId: account.municipality ? required(ids.municipality, account.municipality) : null,
        partyId: account.party ? required(ids.party, account.party) : null,
        passwordHash: demoPasswordHash,
      })),
    );
    await manager.insert(
      AdoptionEntity,
      DEMO_ADOPTIONS.map((adoption) => ({
        programmeId: programme.id,
        municipalityId: required(ids.municipality, adoption.municipality),
        focusAreaId: adoption.focusArea ? required(ids.focusArea, adoption.focusArea) : null,
        status: adoption.status,
        decidedOn: adoption.decidedOn ?? null,
        caseReference: adoption.caseReference,
      })),
    );

    // The rows above bypass the write path: compute the kept progress figures from them once.
    await manager.query('SELECT tiltak_rebuild_figures($1::date)', [osloDate(now)]);
    await loadDemoRound(manager, programme.id, osloDate(now), now);
    await loadDemoArchive(manager, programme.id);
    await loadDemoProposal(manager, programme.id);
    await loadDemoSnapshot(dataSource, manager, programme.id, now);

    const tx = new WriteTransaction(manager, { name: 'Demodata', userId: null }, programme.id);
    tx.record({
      entity: 'programme',
      entityId: programme.id,
      operation: 'CREATE',
      before: null,
      after: { ...programme, demo: true, actions: DEMO_ACTIONS.length, parties: DEMO_PARTIES.length },
    });
    await appendChangeEvents(tx);
    return true;
  });
}

type Ids = {
  municipality: Map<string, string>;
  focusArea: Map<string, string>;
  party: Map<string, string>;
};

function required(map: Map<string, string>, key: string): string {
  const id = map.get(key);
  if (!id) throw new Error(`The demo programme refers to ${key}, which it does not define`);
  return id;
}

async function loadParties(
  manager: EntityManager,
  regionId: string,
  municipalityIds: Map<string, string>,
): Promise<Map<string, string>> {
  const saved = await manager.save(
    DEMO_PARTIES.map((party) =>
      manager.create(PartyEntity, {
        regionId,
        name: party.name,
        kind: party.kind,
        homeMunicipalityId: party.homeMunicipality ? required(municipalityIds, party.homeMunicipality) : null,
        contactName: party.contactName ?? null,
        contactEmail: party.contactEmail ?? null,
        website: party.website ?? null,
      }),
    ),
  );
  return new Map(DEMO_PARTIES.map((party, index) => [party.key, saved[index].id]));
}

const ENTERED_AT = new Date(`${DEMO_PROGRAMME.startYear}-01-02T10:00:00+01:00`);

async function loadActions(manager: EntityManager, programmeId: string, ids: Ids): Promise<void> {
  for (const demo of DEMO_ACTIONS) {
    const { progress } = actionProgress(
      demo.milestones.map((m) => ({ weight: m.weight, completed: m.completedOn !== undefined })),
      demo.progress ?? null,
    );
    const action = await manager.save(
      manager.create(ActionEntity, {
        programmeId,
        focusAreaId: required(ids.focusArea, demo.focusArea),
        code: demo.code,
        title: demo.title,
        description: demo.description,
        status: demo.status,
        startDate: demo.startDate,
        dueDate: demo.dueDate,
        manualProgress: demo.milestones.length === 0 ? (demo.progress ?? 0) : null,
        progress,
        healthOverride: demo.healthOverride?.health ?? null,
        healthOverrideComment: demo.healthOverride?.comment ?? null,
        // Entered when the programme began, not when the demo was loaded: an action that has had no status
        // update since then reads as such ("Sist oppdatert", stale) instead of as updated today.
        createdAt: ENTERED_AT,
      }),
    );
    const slugs = demo.municipalities === 'ALL' ? MUNICIPALITY_SLUGS : demo.municipalities;
    await manager.insert(
      ParticipationEntity,
      slugs.map((slug) => {
        const local = demo.local?.[slug];
        return {
          actionId: action.id,
          municipalityId: required(ids.municipality, slug),
          status: local?.status ?? null,
          progress: local?.progress ?? null,
          note: local?.note ?? '',
        };
      }),
    );
    if (demo.milestones.length > 0) {
      await manager.insert(
        MilestoneEntity,
        demo.milestones.map((m) => ({
          actionId: action.id,
          title: m.title,
          dueDate: m.dueDate,
          weight: m.weight,
          completedOn: m.completedOn ?? null,
        })),
      );
    }
    await manager.insert(InvolvementEntity, [
      { actionId: action.id, partyId: required(ids.party, demo.lead.party), role: 'LEAD', level: demo.lead.level },
      ...demo.partners.map((partner) => ({
        actionId: action.id,
        partyId: required(ids.party, partner.party),
        role: 'PARTNER' as const,
        level: partner.level,
      })),
    ]);
    const history = demo.history ?? [];
    if (history.length > 0) {
      await manager.insert(
        StatusUpdateEntity,
        history.map((entry) => ({
          actionId: action.id,
          createdAt: new Date(`${entry.date}T10:00:00+01:00`),
          status: entry.status,
          progress: entry.progress,
          health: entry.health,
          comment: entry.comment,
          authorName: entry.author,
        })),
      );
    }
  }
}

async function loadIndicators(manager: EntityManager, programmeId: string, ids: Ids): Promise<void> {
  for (const demo of DEMO_INDICATORS) {
    const indicator = await manager.save(
      manager.create(IndicatorEntity, {
        programmeId,
        focusAreaId: demo.focusArea ? required(ids.focusArea, demo.focusArea) : null,
        name: demo.name,
        unit: demo.unit,
        baseline: demo.baseline,
        target: demo.target,
        targetYear: demo.targetYear,
        source: demo.source ?? 'MANUAL',
        sourceReference: demo.sourceReference ?? null,
        publicationLagMonths: demo.publicationLagMonths ?? 0,
        summable: demo.summable ?? true,
      }),
    );
    if (demo.values.length === 0) continue;
    await manager.insert(
      IndicatorValueEntity,
      demo.values.map((value) => ({
        indicatorId: indicator.id,
        municipalityId: required(ids.municipality, value.municipality),
        year: value.year,
        value: value.value,
      })),
    );
  }
}

async function loadNetworks(manager: EntityManager, programmeId: string, regionId: string, ids: Ids): Promise<void> {
  const actions = await manager.find(ActionEntity, { where: { programmeId }, select: { id: true, code: true } });
  const actionIds = new Map(actions.map((action) => [action.code, action.id]));
  for (const demo of DEMO_NETWORKS) {
    const network = await manager.save(
      manager.create(NetworkEntity, {
        regionId,
        name: demo.name,
        kind: demo.kind,
        foundedOn: demo.foundedOn,
        endedOn: demo.endedOn ?? null,
        partyId: demo.party ? required(ids.party, demo.party) : null,
        foundingActionId: demo.foundingAction ? required(actionIds, demo.foundingAction) : null,
      }),
    );
    await manager.insert(
      NetworkMembershipEntity,
      Object.entries(demo.members).map(([slug, members]) => ({
        networkId: network.id,
        municipalityId: required(ids.municipality, slug),
        members,
      })),
    );
  }
}
