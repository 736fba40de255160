import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ActionStatus, Health } from './actions.query';

export interface ActionDetail {
  id: string;
  code: string;
  title: string;
  description: string;
  status: ActionStatus;
  startDate: string;
  dueDate: string;
  progress: number;
  health: Health;
  computedHealth: Health;
  expectedProgress: number;
  overdue: boolean;
  version: number;
  healthOverride: { health: Health; comment: string } | null;
  focusArea: { id: string; name: string };
  municipalities: {
    municipality: { id: string; name: string };
    status: ActionStatus;
    progress: number;
    health: Health;
    note: string;
  }[];
  involvements: {
    id: string;
    role: 'LEAD' | 'PARTNER';
    level: 'STRATEGIC' | 'OPERATIONAL';
    party: { id: string; name: string };
  }[];
  milestones: {
    id: string;
    title: string;
    dueDate: string;
    weight: number;
    completedOn: string | null;
    overdue: boolean;
    version: number;
  }[];
  history: {
    id: string;
    createdAt: string;
    status: ActionStatus;
    progress: number;
    health: Health;
    comment: string;
    author: string | null;
  }[];
  progressExplanation: { source: 'MILESTONES' | 'MANUAL'; gap: number };
}

const ACTION_FIELDS = `
  id code title description status startDate dueDate progress health computedHealth expectedProgress overdue version
  healthOverride { health comment }
  focusArea { id name }
  municipalities { municipality { id name } status progress health note }
  involvements { id role level party { id name } }
  milestones { id title dueDate weight completedOn overdue version }
  history { id createdAt status progress health comment author }
  progressExplanation { source gap }
`;

export const ACTION: TypedDocumentNode<{ action: ActionDetail | null }, { id: string }> = gql`
  query Action($id: ID!) {
    action(id: $id) { ${ACTION_FIELDS} }
  }
`;

export interface StatusUpdateInput {
  actionId: string;
  expectedVersion: number;
  status?: ActionStatus;
  progress?: number;
  health?: Health;
  comment?: string;
}

export const UPDATE_ACTION_STATUS: TypedDocumentNode<
  { updateActionStatus: ActionDetail },
  { input: StatusUpdateInput }
> = gql`
  mutation UpdateActionStatus($input: UpdateActionStatusInput!) {
    updateActionStatus(input: $input) { ${ACTION_FIELDS} }
  }
`;

export const COMPLETE_MILESTONE: TypedDocumentNode<
  { completeMilestone: ActionDetail },
  { input: { milestoneId: string; expectedVersion: number } }
> = gql`
  mutation CompleteMilestone($input: MilestoneVersionInput!) {
    completeMilestone(input: $input) { ${ACTION_FIELDS} }
  }
`;

export const REOPEN_MILESTONE: TypedDocumentNode<
  { reopenMilestone: ActionDetail },
  { input: { milestoneId: string; expectedVersion: number } }
> = gql`
  mutation ReopenMilestone($input: MilestoneVersionInput!) {
    reopenMilestone(input: $input) { ${ACTION_FIELDS} }
  }
`;
