import { gql, type TypedDocumentNode } from '@apollo/client';

export interface ProgrammeFrame {
  currentProgramme: { id: string; name: string; period: string } | null;
  municipalities: { id: string; slug: string; name: string }[];
  focusAreas: { id: string; code: string; name: string; description: string }[];
}

/** The programme with its municipalities and focus areas: what every page frames itself with. */
export const PROGRAMME_FRAME: TypedDocumentNode<ProgrammeFrame> = gql`
  query ProgrammeFrame {
    currentProgramme {
      id
      name
      period
    }
    municipalities {
      id
      slug
      name
    }
    focusAreas {
      id
      code
      name
      description
    }
  }
`;
