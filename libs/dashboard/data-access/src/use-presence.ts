import type { PresenceClientEvents, PresenceEntry, PresenceServerEvents } from '@tiltak/domain';
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
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
    const socket: PresenceSocket = io({ path: '/socket.io', transports: ['websocket'], auth: { token } });
    socketRef.current = socket;
    const me = session.current?.user.id;
    socket.on('connect', () => socket.emit('view', actionId, () => undefined));
    socket.on('presence', (id, entries) => {
      if (id === actionId) setOthers(entries.filter((entry) => entry.userId !== me));
    });
    return () => {
      socket.emit('leave', actionId);
      socket.disconnect();
      socketRef.current = null;
    };
  }, [actionId, session]);

  const editing = (field: string | null) => socketRef.current?.emit('editing', actionId, field);
  return { others, editing };
}
