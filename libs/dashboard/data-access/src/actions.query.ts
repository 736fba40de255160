import { gql, type TypedDocumentNode } from '@apollo/client';

export type ActionStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'ON_HOLD' | 'COMPLETED' | 'CANCELLED';
export type Health = 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK';

export interface ActionFilter {
  municipalityIds?: string[];
  focusAreaIds?: string[];
  statuses?: ActionStatus[];
  healths?: Health[];
  partyIds?: string[];
  overdue?: boolean;
  text?: string;
}

export interface ActionRow {
  id: string;
  code: string;
  title: string;
  status: ActionStatus;
  progress: number;
  health: Health;
  dueDate: string;
  overdue: boolean;
  version: number;
  focusArea: { id: string; name: string };
  lead: { party: { id: string; name: string } } | null;
}

export interface ActionsPage {
  actions: { totalCount: number; edges: { node: ActionRow }[] };
}

/** One page of actions (at most 100) matching a filter, in code order. */
export const ACTIONS: TypedDocumentNode<ActionsPage, { filter: ActionFilter; first: number }> = gql`
  query Actions($filter: ActionFilterInput, $first: Int) {
    actions(filter: $filter, first: $first) {
      totalCount
      edges {
        node {
          id
          code
          title
          status
          progress
          health
          dueDate
          overdue
          version
          focusArea {
            id
            name
          }
          lead {
            party {
              id
              name
            }
          }
        }
      }
    }
  }
`;
