import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ProgressCell {
  municipalityId: string;
  focusAreaId: string;
  progress: number | null;
  actionCount: number;
  overdueMilestones: number;
  byStatus: { notStarted: number; inProgress: number; onHold: number; completed: number; cancelled: number };
  byHealth: { onTrack: number; atRisk: number; offTrack: number };
}

export interface ProgressOverview {
  currentProgramme: { id: string; name: string; period: string; progress: number | null } | null;
  municipalities: { id: string; slug: string; name: string; progress: number | null }[];
  focusAreas: { id: string; code: string; name: string; progress: number | null }[];
  progressMatrix: ProgressCell[];
}

/** The overview's figures: programme, municipality and focus-area progress and every matrix cell. */
export const PROGRESS_OVERVIEW: TypedDocumentNode<ProgressOverview> = gql`
  query ProgressOverview {
    currentProgramme {
      id
      name
      period
      progress
    }
    municipalities {
      id
      slug
      name
      progress
    }
    focusAreas {
      id
      code
      name
      progress
    }
    progressMatrix {
      municipalityId
      focusAreaId
      progress
      actionCount
      overdueMilestones
      byStatus {
        notStarted
        inProgress
        onHold
        completed
        cancelled
      }
      byHealth {
        onTrack
        atRisk
        offTrack
      }
    }
  }
`;
