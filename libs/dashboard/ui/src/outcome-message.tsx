import { type ReactNode, useEffect, useRef } from 'react';

/**
 * What a save or other change did, or why it was refused. Focus moves here whenever a new message
 * appears: the form that had focus is often rebuilt after a save, and a keyboard user then starts
 * from the words that say what happened instead of from the top of the page.
 */
export function OutcomeMessage({
  text,
  refused = false,
  children,
}: {
  text: string | null | undefined;
  refused?: boolean;
  /** Shown after the text, for example a link to what was just made. */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [text]);
  return (
    <p role="status" tabIndex={-1} ref={ref} className={refused ? 'outcome status--error' : 'outcome'}>
      {text}
      {text && children}
    </p>
  );
}
