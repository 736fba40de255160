/** `'A', 'B'` for a CHECK … IN (…) built from one of the domain's value lists. */
export function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}

/** node-postgres returns `numeric` as text to keep precision; Tiltak's figures fit a double. */
export const numericColumn = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * node-postgres returns `bigint` as text; kroner are held to MAX_KRONER per value, so they are exact
 * JavaScript numbers. A value beyond the safe range would be a broken rule, not a rounding.
 */
export const kronerColumn = {
  to: (value: number | null) => value,
  from: (value: string | null) => {
    if (value === null) return null;
    const kroner = Number(value);
    if (!Number.isSafeInteger(kroner)) throw new Error(`${value} kroner is beyond exact arithmetic`);
    return kroner;
  },
};
