import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Requester, RateLimits } from './rate-limits';

/** The fields an operation calls at its root, through fragments too; aliases make each call count. */
function rootFields(document: DocumentNode, selectionSet: SelectionSetNode, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(document, selection.selectionSet, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    return fragment && 'selectionSet' in fragment && fragment.selectionSet
      ? rootFields(document, fragment.selectionSet, seen)
      : [];
  });
}

/**
 * Counts an operation against the rate limits, on either transport: a query or a subscription
 * once; a mutation once for each field it calls (each is a write), and each `login` also as a
 * sign-in. Throws RATE_LIMITED when over.
 */
export async function countOperation(
  rateLimits: RateLimits,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  requester: Requester,
): Promise<void> {
  if (operation.operation !== 'mutation') return rateLimits.consume('queries', requester);
  const fields = rootFields(document, operation.selectionSet);
  const signIns = fields.filter((field) => field === 'login').length;
  if (signIns > 0) await rateLimits.consume('signIns', requester, signIns);
  await rateLimits.consume('mutations', requester, Math.max(1, fields.length));
}
