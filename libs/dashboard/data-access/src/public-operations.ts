// What a report link's page sends, with the printer, in a chunk of its own: its visitor has no
// account, and needs neither Apollo Client nor the signed-in operations.
import type { TypedDocumentNode } from '@apollo/client';
import { print } from 'graphql';

export { LinkedReportDocument, SaveLinkedReportDocument } from './generated/operations';

/** A refusal as the page shows it: the server's reason (LINK_EXPIRED, …) or its code, and its words. */
export interface PublicProblem {
  reason: string;
  message: string;
}

/** Sends one operation without any sign-in; the answer is the data or the first problem. */
export async function callPublic<T, V>(
  document: TypedDocumentNode<T, V>,
  variables: V,
): Promise<{ data: T } | { problem: PublicProblem }> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      // The token is the only key: no cookie goes with it, so a signed-in user's session plays no part.
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string; reason?: string } }[];
    };
    if (body.data && !body.errors) return { data: body.data };
    const error = body.errors?.[0];
    return {
      problem: {
        reason: error?.extensions?.reason ?? error?.extensions?.code ?? 'UNAVAILABLE',
        message: error?.message ?? '',
      },
    };
  } catch {
    return { problem: { reason: 'UNAVAILABLE', message: '' } };
  }
}
