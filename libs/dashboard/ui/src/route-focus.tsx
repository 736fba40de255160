import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/**
 * After each change of page, and after signing in or out, moves focus to the new page's `h1` and
 * announces it, so a keyboard or screen-reader user starts where the new content starts instead of
 * at the top of the document (where focus falls when the link they followed disappears). Pages
 * load their data first, so it waits for the `h1` to appear in `main`. It leaves focus alone if the
 * user has moved it meanwhile, and on the first page of a visit, where the browser starts at the
 * top and the skip link is the first stop.
 */
export function RouteFocus({ mainId, onArrival }: { mainId: string; onArrival: boolean }) {
  const { pathname } = useLocation();
  const landedOn = useRef<string | null>(onArrival ? null : pathname);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const main = document.getElementById(mainId);
    if (!main || landedOn.current === pathname) return;
    const from = document.activeElement;
    const land = () => {
      const heading = main.querySelector('h1');
      if (!heading) return false;
      landedOn.current = pathname;
      const active = document.activeElement;
      const untouched = !active || !active.isConnected || [from, document.body, main].includes(active);
      if (untouched) {
        heading.tabIndex = -1;
        heading.focus();
        setAnnouncement(heading.textContent ?? '');
      }
      return true;
    };
    if (land()) return;
    const watch = new MutationObserver(() => {
      if (land()) watch.disconnect();
    });
    watch.observe(main, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [pathname, mainId]);

  return (
    <p aria-live="assertive" aria-atomic="true" className="visually-hidden">
      {announcement}
    </p>
  );
}
