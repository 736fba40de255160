/** `'A', 'B'` for a CHECK … IN (…) built from one of the domain's value lists. */
export function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

/** node-postgres returns `numeric` as text to keep precision; Tiltak's figures fit a double. */
export const numericColumn = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
