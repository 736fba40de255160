import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActionRow } from './actions.query';

export interface Watchlist {
  actions: { totalCount: number; edges: { node: Pick<ActionRow, 'id' | 'code' | 'title' | 'health' | 'progress'> }[] };
  upcomingMilestones: { id: string; actionId: string; title: string; dueDate: string }[];
}

/** What the council looks at first: unfinished actions at risk or off track, and milestones due soon. */
export const WATCHLIST: TypedDocumentNode<Watchlist> = gql`
  query Watchlist {
    actions(first: 10, filter: { healths: [AT_RISK, OFF_TRACK], statuses: [NOT_STARTED, IN_PROGRESS, ON_HOLD] }) {
      totalCount
      edges {
        node {
          id
          code
          title
          health
          progress
        }
      }
    }
    upcomingMilestones(days: 30, first: 10) {
      id
      actionId
      title
      dueDate
    }
  }
`;
