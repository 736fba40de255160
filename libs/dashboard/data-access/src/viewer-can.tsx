import { useQuery } from '@apollo/client/react';
import { createContext, type ReactNode, useContext } from 'react';
import { ViewerCanDocument, type ViewerCanQuery } from './generated/operations';

export type ViewerCan = ViewerCanQuery['viewerCan'];

const ViewerCanContext = createContext<ViewerCan | null>(null);

/** Asks the API once per session what the signed-in user may do beyond any one record. */
export function ViewerCanProvider({ children }: { children: ReactNode }) {
  const { data } = useQuery(ViewerCanDocument);
  return <ViewerCanContext.Provider value={data?.viewerCan ?? null}>{children}</ViewerCanContext.Provider>;
}

/**
 * What the signed-in user may do beyond any one record, as the API decides it: for showing only
 * the menus and forms they can use. Null until it has answered, and outside the signed-in part of
 * the page (the sign-in form's frame has no Apollo client).
 */
export function useViewerCan(): ViewerCan | null {
  return useContext(ViewerCanContext);
}
