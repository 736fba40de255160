// Figures shared by the soak's processes.

/** Which part of the run a commit time falls in: before the first fault, during the faults, or after them. */
export function phaseOf(at, marks) {
  if (at < marks.killAt) return 'before';
  return at < marks.faultsOverAt ? 'during' : 'after';
}

/** Count, p50, p95 and maximum of a list of milliseconds. */
export function summarise(values) {
  const sorted = Float64Array.from(values).sort();
  const at = (p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]);
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}
