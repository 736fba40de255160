import type { PresenceClientEvents, PresenceEntry, PresenceServerEvents } from '@tiltak/domain';
import { useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { SessionStore } from './session-store';

type PresenceSocket = Socket<PresenceServerEvents, PresenceClientEvents>;

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
    // Loaded with the first action page, not with the dashboard: most visits never need it.
    void import('socket.io-client').then(({ io }) => {
      if (left) return;
      const opened: PresenceSocket = io({ path: '/socket.io', transports: ['websocket'], auth: { token } });
      socket = socketRef.current = opened;
      const me = session.current?.user.id;
      opened.on('connect', () => opened.emit('view', actionId, () => undefined));
      opened.on('presence', (id, entries) => {
        if (id === actionId) setOthers(entries.filter((entry) => entry.userId !== me));
      });
    });
    return () => {
      left = true;
      socket?.emit('leave', actionId);
      socket?.disconnect();
      socketRef.current = null;
    };
  }, [actionId, session]);

  const editing = (field: string | null) => socketRef.current?.emit('editing', actionId, field);
  return { others, editing };
}
