import { Module } from '@nestjs/common';
import { ActionsModule } from '../actions/actions.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ActionProposalsResolver, ProposalsResolver } from './proposals.resolver';
import { ProposalsService } from './proposals.service';
import { ActionWarningsResolver, WarningsResolver } from './warnings.resolver';

/** How the council governs the programme: proposals to regional actions, and consistency warnings. */
@Module({
  imports: [ProgrammeModule, ActionsModule],
  providers: [ProposalsService, ProposalsResolver, ActionProposalsResolver, WarningsResolver, ActionWarningsResolver],
})
export class GovernanceModule {}
