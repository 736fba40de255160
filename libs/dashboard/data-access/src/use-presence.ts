import type { PresenceClientEvents, PresenceEntry, PresenceServerEvents } from '@tiltak/domain';
import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { SessionStore } from './session-store';

type PresenceSocket = Socket<PresenceServerEvents, PresenceClientEvents>;

/** How long to wait before asking again when the API could not answer (its database was away). */
const PRESENCE_RETRY_MS = 5_000;

/**
 * Who else is on an action's page, and what they are editing; tells the others what this tab edits.
 * An indication, not a lock: saving still goes through the version check.
 */
export function usePresence(session: SessionStore, actionId: string) {
  const [others, setOthers] = useState<PresenceEntry[]>([]);
  const socketRef = useRef<PresenceSocket | null>(null);

  useEffect(() => {
    const token = session.accessToken;
    if (!token) return;
    let socket: PresenceSocket | null = null;
    let left = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const later = (attempt: () => void) => {
      clearTimeout(retry);
      retry = setTimeout(() => !left && attempt(), PRESENCE_RETRY_MS);
    };
    // Loaded with the first action page, not with the dashboard: most visits never need it. A
    // chunk that fails to load leaves presence out; the page works without it.
    import('socket.io-client')
      .then(({ io }) => {
        if (left) return;
        const opened: PresenceSocket = io({ path: '/socket.io', transports: ['websocket'], auth: { token } });
        socket = socketRef.current = opened;
        const me = session.current?.user.id;
        // While the API's database is away it can check no token: socket.io does not try again
        // after a refusal by itself, and a view it could not answer is asked again.
        const view = () =>
          opened.emit('view', actionId, (answer) => {
            if (!answer.ok && answer.reason === 'SERVICE_UNAVAILABLE') later(view);
          });
        opened.on('connect', view);
        opened.on('connect_error', (error) => {
          if (error.message === 'SERVICE_UNAVAILABLE') later(() => opened.connect());
        });
        opened.on('presence', (id, entries) => {
          if (id === actionId) setOthers(entries.filter((entry) => entry.userId !== me));
        });
      })
      .catch(() => undefined);
    return () => {
      left = true;
      clearTimeout(retry);
      socket?.emit('leave', actionId);
      socket?.disconnect();
      socketRef.current = null;
    };
  }, [actionId, session]);

  const editing = (field: string | null) => socketRef.current?.emit('editing', actionId, field);
  return { others, editing };
}
