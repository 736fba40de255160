import type { MunicipalitySlug, Role } from '@tiltak/domain';

/** The demo's shared password. Demo accounts exist only where the demo programme was loaded. */
export const DEMO_PASSWORD = 'tiltak-demo';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  municipality?: MunicipalitySlug;
  /** Key of a demo party (demo-content.ts). */
  party?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { email: 'admin@tiltak.test', name: 'Tiltak-administrator', role: 'ADMIN' },
  {
    email: 'sekretariat@tiltak.test',
    name: 'Sekretariatet i Gardermoregionen IPR',
    role: 'SECRETARIAT',
  },
  { email: 'rad@tiltak.test', name: 'Regionrådet (lesetilgang)', role: 'COUNCIL' },
  { email: 'politiker@tiltak.test', name: 'Folkevalgt i regionrådet', role: 'ELECTED' },
  { email: 'koordinator.nes@tiltak.test', name: 'Næringskoordinator i Nes', role: 'COORDINATOR', municipality: 'nes' },
  {
    email: 'koordinator.eidsvoll@tiltak.test',
    name: 'Næringskoordinator i Eidsvoll',
    role: 'COORDINATOR',
    municipality: 'eidsvoll',
  },
  { email: 'leder@tiltak.test', name: 'Prosjektleder i næringsrådet', role: 'PROJECT_LEAD', party: 'naeringsraadet' },
];
