import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammeWriter } from '../change-log/programme-writer';
import { AccountRepository } from '../repositories/account.repository';
import { AuditRepository } from '../repositories/audit.repository';
import { ReportLinkRepository } from '../repositories/report-link.repository';
import { SessionRepository } from '../repositories/session.repository';
import { SignInThrottleRepository } from '../repositories/sign-in-throttle.repository';
import { ActionRepository } from '../repositories/action.repository';
import { ActionProposalRepository } from '../repositories/action-proposal.repository';
import { ConsistencyRepository } from '../repositories/consistency.repository';
import { ActionAggregateRepository } from '../repositories/action-aggregate.repository';
import { ActionWriteRepository } from '../repositories/action-write.repository';
import { InvolvementWriteRepository } from '../repositories/involvement-write.repository';
import { MilestoneWriteRepository } from '../repositories/milestone-write.repository';
import { IndicatorRepository } from '../repositories/indicator.repository';
import { NetworkRepository } from '../repositories/network.repository';
import { PartyRepository } from '../repositories/party.repository';
import { ProgrammeRepository } from '../repositories/programme.repository';
import { ProgressRepository } from '../repositories/progress.repository';
import { ChangeLogRepository } from '../repositories/change-log.repository';
import { MailRepository } from '../repositories/mail.repository';
import { ReportingRepository } from '../repositories/reporting.repository';
import { ReportOwnersRepository } from '../repositories/report-owners.repository';
import { GoalRepository } from '../repositories/goal.repository';
import { InnovationPlanRepository } from '../repositories/innovation-plan.repository';
import { PeriodRepository } from '../repositories/period.repository';
import { PeriodCopyRepository } from '../repositories/period-copy';
import { FundingRepository } from '../repositories/funding.repository';
import { SnapshotBuilder } from '../repositories/snapshot-builder';
import { SnapshotRepository } from '../repositories/snapshot.repository';
import { dataSourceOptions } from './data-source';
import { type ConnectionSettings, DatabaseConnections } from './database-connections';
import { QueryObserver } from './query-observer';

const REPOSITORIES = [
  ProgrammeRepository,
  ActionRepository,
  ActionAggregateRepository,
  ActionWriteRepository,
  MilestoneWriteRepository,
  InvolvementWriteRepository,
  PartyRepository,
  IndicatorRepository,
  NetworkRepository,
  ProgressRepository,
  ChangeLogRepository,
  ReportingRepository,
  ReportOwnersRepository,
  GoalRepository,
  InnovationPlanRepository,
  FundingRepository,
  ProgrammeWriter,
  AccountRepository,
  SessionRepository,
  SignInThrottleRepository,
  AuditRepository,
  ReportLinkRepository,
  MailRepository,
  PeriodRepository,
  PeriodCopyRepository,
  ActionProposalRepository,
  ConsistencyRepository,
  SnapshotBuilder,
  SnapshotRepository,
];

/** The TypeORM connection and the repositories that are the only code allowed to build queries. */
@Global()
@Module({})
export class DatabaseModule {
  /** `onQuery` sees every SQL statement the app sends; tests use it to prove queries stay batched. */
  static forRoot(url: string, settings: ConnectionSettings, onQuery?: (sql: string) => void): DynamicModule {
    const connections = new DatabaseConnections(url, settings);
    const options = dataSourceOptions(url, connections);
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot(
          onQuery ? { ...options, logging: ['query'], logger: new QueryObserver(onQuery) } : options,
        ),
      ],
      // Parts that hold a connection of their own (the change feed, presence) open it through these.
      providers: [...REPOSITORIES, { provide: DatabaseConnections, useValue: connections }],
      exports: [...REPOSITORIES, DatabaseConnections],
    };
  }
}
