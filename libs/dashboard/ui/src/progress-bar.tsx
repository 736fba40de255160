/**
 * A progress figure shown as a bar and as text. The bar is decoration: the number beside it is
 * what a screen reader reads and what carries the meaning for anyone who cannot tell colours apart.
 */
export function ProgressBar({ value, text }: { value: number | null; text: string }) {
  return (
    <span className="progress">
      <span className="progress__track" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${Math.max(0, Math.min(100, value ?? 0))}%` }} />
      </span>
      <span className="progress__text">{text}</span>
    </span>
  );
}
