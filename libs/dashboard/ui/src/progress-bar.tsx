/**
 * A progress figure shown as a bar and as text. The bar is decoration: the number beside it is
 * what a screen reader reads and what carries the meaning for anyone who cannot tell colours apart.
 * With `expected`, a tick on the track marks the progress expected by today (the text says it too).
 */
export function ProgressBar({
  value,
  text,
  expected,
}: {
  value: number | null;
  text: string;
  expected?: number | null;
}) {
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  return (
    <span className="progress">
      <span className="progress__track" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${clamp(value ?? 0)}%` }} />
        {expected != null && <span className="progress__expected" style={{ left: `${clamp(expected)}%` }} />}
      </span>
      <span className="progress__text">{text}</span>
    </span>
  );
}
