import { gql, type TypedDocumentNode } from '@apollo/client';

export interface IndicatorSeries {
  id: string;
  name: string;
  unit: string;
  baseline: number;
  target: number;
  targetYear: number;
  focusAreaId: string | null;
  values: { municipalityId: string; year: number; value: number }[];
}

export interface MunicipalityPage {
  municipality: { id: string; name: string; progress: number | null } | null;
  adoptions: {
    id: string;
    municipalityId: string;
    focusAreaId: string | null;
    status: string;
    decidedOn: string | null;
    caseReference: string;
  }[];
  focusAreas: { id: string; name: string }[];
  indicators: IndicatorSeries[];
}

const INDICATOR_FIELDS = 'id name unit baseline target targetYear focusAreaId values { municipalityId year value }';

export const MUNICIPALITY_PAGE: TypedDocumentNode<MunicipalityPage, { slug: string }> = gql`
  query MunicipalityPage($slug: String!) {
    municipality(slug: $slug) { id name progress }
    adoptions { id municipalityId focusAreaId status decidedOn caseReference }
    focusAreas { id name }
    indicators { ${INDICATOR_FIELDS} }
  }
`;

export interface FocusAreaPage {
  focusArea: { id: string; name: string; description: string; progress: number | null } | null;
  indicators: IndicatorSeries[];
}

export const FOCUS_AREA_PAGE: TypedDocumentNode<FocusAreaPage, { id: string }> = gql`
  query FocusAreaPage($id: ID!) {
    focusArea(id: $id) { id name description progress }
    indicators(focusAreaId: $id) { ${INDICATOR_FIELDS} }
  }
`;
