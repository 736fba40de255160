import { InitialSchema1795792303833 } from './1795792303833-initial-schema';
import { ActionProgramme1795793740344 } from './1795793740344-action-programme';
import { Accounts1795794646911 } from './1795794646911-accounts';
import { Presence1795800000000 } from './1795800000000-presence';
import { ProjectLeads1795900000000 } from './1795900000000-project-leads';
import { KeptFigures1796000000000 } from './1796000000000-kept-figures';
import { LockedReads1796100000000 } from './1796100000000-locked-reads';
import { SessionsAndAudit1796147495938 } from './1796147495938-sessions-and-audit';
import { PruningIndexes1796200000000 } from './1796200000000-pruning-indexes';
import { IntermunicipalCouncil1796350000000 } from './1796350000000-intermunicipal-council';
import { ReportLinks1796420000000 } from './1796420000000-report-links';
import { ReportingRounds1796400000000 } from './1796400000000-reporting-rounds';
import { Mail1796410000000 } from './1796410000000-mail';
import { DecisionsAndArchive1796520000000 } from './1796520000000-decisions-and-archive';
import { EffectsRegister1796550000000 } from './1796550000000-effects-register';
import { Governance1796510000000 } from './1796510000000-governance';
import { Goals1796530000000 } from './1796530000000-goals';
import { ProgrammePeriods1796500000000 } from './1796500000000-programme-periods';
import { Funding1796540000000 } from './1796540000000-funding';
import { CouncilSnapshots1796600000000 } from './1796600000000-council-snapshots';
import { PartyOrganisationNumber1796700000000 } from './1796700000000-party-organisation-number';

/**
 * Every migration, oldest first. They are listed as classes rather than found by a file glob so
 * that the bundled API, the CLI and the ESM test runner all load the same set.
 */
export const MIGRATIONS = [
  InitialSchema1795792303833,
  ActionProgramme1795793740344,
  Accounts1795794646911,
  Presence1795800000000,
  ProjectLeads1795900000000,
  KeptFigures1796000000000,
  LockedReads1796100000000,
  SessionsAndAudit1796147495938,
  PruningIndexes1796200000000,
  IntermunicipalCouncil1796350000000,
  ReportingRounds1796400000000,
  ReportLinks1796420000000,
  Mail1796410000000,
  DecisionsAndArchive1796520000000,
  EffectsRegister1796550000000,
  Governance1796510000000,
  Goals1796530000000,
  ProgrammePeriods1796500000000,
  Funding1796540000000,
  CouncilSnapshots1796600000000,
  PartyOrganisationNumber1796700000000,
];
