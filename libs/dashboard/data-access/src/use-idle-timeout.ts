import { useCallback, useEffect, useRef, useState } from 'react';

/** Signed-in users who do nothing for this long are signed out, as on a shared office computer. */
export const IDLE_LIMIT_MS = 30 * 60_000;
/** How long before that the warning shows: well over the 20 seconds WCAG 2.2.1 asks for. */
export const IDLE_WARNING_MS = 2 * 60_000;

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Counts down from the user's last interaction. Returns the seconds left once the warning is due
 * (null before), and `extend` to start over. While the warning shows, only `extend` counts as
 * activity, so a stray touch cannot hide it unread.
 */
export function useIdleTimeout(active: boolean, onTimeout: () => void): { secondsLeft: number | null; extend(): void } {
  const lastActivity = useRef(Date.now());
  const warning = useRef(false);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  const extend = useCallback(() => {
    lastActivity.current = Date.now();
    warning.current = false;
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    if (!active) return;
    extend();
    const seen = () => {
      if (!warning.current) lastActivity.current = Date.now();
    };
    const tick = setInterval(() => {
      const left = lastActivity.current + IDLE_LIMIT_MS - Date.now();
      if (left <= 0) {
        clearInterval(tick);
        warning.current = false;
        setSecondsLeft(null);
        onTimeout();
      } else if (left <= IDLE_WARNING_MS) {
        warning.current = true;
        setSecondsLeft(Math.ceil(left / 1000));
      }
    }, 1000);
    ACTIVITY.forEach((event) => window.addEventListener(event, seen, { passive: true, capture: true }));
    return () => {
      clearInterval(tick);
      ACTIVITY.forEach((event) => window.removeEventListener(event, seen, { capture: true }));
    };
  }, [active, extend, onTimeout]);

  return { secondsLeft, extend };
}
