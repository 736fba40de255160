import type { DatabaseState } from './health';

/** One entry of the change log as the live layer hands it on: what changed, by whom, in commit order. */
export interface ChangeEventRecord {
  /** Sequence number in commit order, as a decimal string (it is a bigint). */
  seq: string;
  programmeId: string;
  occurredAt: string;
  actorName: string;
  actorUserId: string | null;
  entity: string;
  entityId: string;
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What a change is about: enough to tell which action it belongs to. */
export type ChangeSubject = Pick<ChangeEventRecord, 'entity' | 'entityId'> & {
  before: object | null;
  after: object | null;
};

/** The action a change belongs to, so a client can update that action and its roll-ups. */
export function actionIdOf(event: ChangeSubject): string | null {
  switch (event.entity) {
    case 'action':
      return event.entityId;
    case 'participation':
    case 'project_lead':
    case 'action_goal':
    case 'action_innovation_priority':
      return event.entityId.split(':')[0];
    case 'milestone':
    case 'involvement':
    case 'status_update':
    case 'report':
    case 'action_proposal':
    case 'funding_line':
    case 'effort_entry': {
      const record = (event.after ?? event.before) as Record<string, unknown> | null;
      return typeof record?.['actionId'] === 'string' ? record['actionId'] : null;
    }
    default:
      return null;
  }
}

/** Presence: who is looking at an action, and who is editing which part of it (an indication, not a lock). */
export interface PresenceEntry {
  userId: string;
  name: string;
  /** The part being edited, for example `status` or `milestone:<id>`; null while only viewing. */
  editing: string | null;
}

/** Messages the dashboard sends over the presence socket. */
export interface PresenceClientEvents {
  view: (actionId: string, reply: (answer: { ok: boolean; reason?: string }) => void) => void;
  leave: (actionId: string) => void;
  editing: (actionId: string, field: string | null) => void;
}

/** Messages the server sends over the presence socket. */
export interface PresenceServerEvents {
  presence: (actionId: string, entries: PresenceEntry[]) => void;
}

/**
 * The close code of a live connection the API cannot take just now, because its database is away
 * (WebSocket's "Try Again Later"): the client waits, tries again and catches up.
 */
export const LIVE_TRY_AGAIN_LATER = 1013;

/**
 * The payload of the graphql-ws `ping` the API sends every open live connection when its database
 * goes away (`down`) and when it is back (`up`), so a page that is only watching knows too.
 */
export interface DatabaseNotice {
  database: DatabaseState;
}
