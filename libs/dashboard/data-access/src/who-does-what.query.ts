import { gql, type TypedDocumentNode } from '@apollo/client';

export type PartyKind =
  | 'MUNICIPALITY'
  | 'BUSINESS'
  | 'NETWORK'
  | 'CLUSTER'
  | 'RESEARCH_INNOVATION'
  | 'REGIONAL_AUTHORITY'
  | 'NEIGHBOUR_REGION';

export interface InvolvementCounts {
  lead: number;
  partner: number;
  strategic: number;
  operational: number;
}

export interface WhoDoesWhat {
  focusAreas: { id: string; name: string }[];
  whoDoesWhat: {
    party: { id: string; name: string; kind: PartyKind };
    cells: { focusAreaId: string; counts: InvolvementCounts }[];
    total: InvolvementCounts;
  }[];
}

export const WHO_DOES_WHAT: TypedDocumentNode<WhoDoesWhat, { kinds: PartyKind[] | null }> = gql`
  query WhoDoesWhat($kinds: [PartyKind!]) {
    focusAreas {
      id
      name
    }
    whoDoesWhat(kinds: $kinds) {
      party {
        id
        name
        kind
      }
      cells {
        focusAreaId
        counts {
          lead
          partner
          strategic
          operational
        }
      }
      total {
        lead
        partner
        strategic
        operational
      }
    }
  }
`;
