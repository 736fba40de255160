import { ActionEntity } from './action.entity';
import { ActionProposalEntity, type ProposedActionChanges } from './action-proposal.entity';
import { AdoptionEntity } from './adoption.entity';
import { AdoptionDecisionEntity } from './adoption-decision.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { ChangeEventEntity } from './change-event.entity';
import { EffortEntryEntity } from './effort-entry.entity';
import { FocusAreaEntity } from './focus-area.entity';
import { FundingLineEntity } from './funding-line.entity';
import { ActionGoalEntity, GoalEntity } from './goal.entity';
import { IndicatorEntity, IndicatorValueEntity } from './indicator.entity';
import {
  ActionInnovationPriorityEntity,
  InnovationPlanEntity,
  InnovationPriorityEntity,
} from './innovation-plan.entity';
import { InvolvementEntity } from './involvement.entity';
import { MailOutboxEntity } from './mail-outbox.entity';
import { KeptFigureCellEntity, KeptFigureContributionEntity, KeptFigureDateEntity } from './kept-figures.entity';
import { MilestoneEntity } from './milestone.entity';
import { MunicipalityEntity } from './municipality.entity';
import { NetworkEntity, NetworkMembershipEntity } from './network.entity';
import { ParticipationEntity } from './participation.entity';
import { PartyEntity } from './party.entity';
import { ProgrammeEntity } from './programme.entity';
import { ProjectLeadEntity } from './project-lead.entity';
import { RegionEntity } from './region.entity';
import { ReportLinkEntity } from './report-link.entity';
import { ReportingRoundEntity } from './reporting-round.entity';
import { RoundReportEntity } from './round-report.entity';
import { LoginThrottleEntity, RefreshTokenEntity, TokenFamilyEntity } from './session.entity';
import { StatusUpdateEntity } from './status-update.entity';
import { UserEntity } from './user.entity';
import { CouncilSnapshotEntity } from './council-snapshot.entity';

export {
  ActionEntity,
  ActionProposalEntity,
  type ProposedActionChanges,
  AdoptionEntity,
  ChangeEventEntity,
  FocusAreaEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  InvolvementEntity,
  KeptFigureCellEntity,
  KeptFigureContributionEntity,
  KeptFigureDateEntity,
  MilestoneEntity,
  MunicipalityEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  ParticipationEntity,
  PartyEntity,
  ProgrammeEntity,
  ProjectLeadEntity,
  RegionEntity,
  ReportLinkEntity,
  StatusUpdateEntity,
  UserEntity,
  RefreshTokenEntity,
  TokenFamilyEntity,
  LoginThrottleEntity,
  AuditEntryEntity,
  ReportingRoundEntity,
  RoundReportEntity,
  MailOutboxEntity,
  AdoptionDecisionEntity,
  GoalEntity,
  ActionGoalEntity,
  InnovationPlanEntity,
  InnovationPriorityEntity,
  ActionInnovationPriorityEntity,
  FundingLineEntity,
  EffortEntryEntity,
  CouncilSnapshotEntity,
};

export const ENTITIES = [
  RegionEntity,
  MunicipalityEntity,
  ProgrammeEntity,
  FocusAreaEntity,
  ActionEntity,
  ParticipationEntity,
  MilestoneEntity,
  PartyEntity,
  InvolvementEntity,
  ProjectLeadEntity,
  StatusUpdateEntity,
  IndicatorEntity,
  IndicatorValueEntity,
  AdoptionEntity,
  ChangeEventEntity,
  UserEntity,
  TokenFamilyEntity,
  RefreshTokenEntity,
  LoginThrottleEntity,
  AuditEntryEntity,
  KeptFigureContributionEntity,
  KeptFigureCellEntity,
  KeptFigureDateEntity,
  ReportingRoundEntity,
  RoundReportEntity,
  ReportLinkEntity,
  MailOutboxEntity,
  AdoptionDecisionEntity,
  NetworkEntity,
  NetworkMembershipEntity,
  GoalEntity,
  ActionGoalEntity,
  InnovationPlanEntity,
  InnovationPriorityEntity,
  ActionInnovationPriorityEntity,
  ActionProposalEntity,
  FundingLineEntity,
  EffortEntryEntity,
  CouncilSnapshotEntity,
];
