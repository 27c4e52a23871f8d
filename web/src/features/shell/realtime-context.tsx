import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { connectRealtime, type ConnectionState } from '../../api/realtime.ts';
import type { ServerMessage, ServerMessageOf, ServerMessageType } from '../../api/types.ts';
import { useApi } from '../auth/session.tsx';

type Listener = (message: ServerMessage) => void;

/** Live updates as views see them. */
export interface Realtime {
  state: ConnectionState;
  /** Grows on every (re)connect: views refetch when it changes, to catch pushes they missed. */
  openCount: number;
  /** Listens for pushes of one type (`agent.updated`, `offer`, `queue.stats`, …); returns the unsubscribe function. */
  on<K extends ServerMessageType>(type: K, listener: (message: ServerMessageOf<K>) => void): () => void;
}

const RealtimeContext = createContext<Realtime | undefined>(undefined);

/** Holds the console's one WebSocket for as long as someone is signed in. */
export function RealtimeProvider({ wsUrl, token, children }: { wsUrl: string; token: string; children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<ConnectionState>('connecting');
  const [openCount, setOpenCount] = useState(0);
  const listeners = useRef(new Map<ServerMessageType, Set<Listener>>());

  useEffect(() => {
    const connection = connectRealtime({
      wsUrl,
      token,
      onStateChange: setState,
      onOpen: () => setOpenCount((count) => count + 1),
      // A socket refused at the handshake looks like any network failure; from the second retry
      // on, ask the API whether the token still holds (a 401 signs the user out).
      onRetry: (attempt) => {
        if (attempt >= 2) api.me().catch(() => undefined);
      },
      onMessage: (message) => {
        for (const listener of listeners.current.get(message.type) ?? []) listener(message);
      },
    });
    return () => connection.close();
  }, [wsUrl, token, api]);

  const value = useMemo<Realtime>(
    () => ({
      state,
      openCount,
      on(type, listener) {
        let set = listeners.current.get(type);
        if (!set) listeners.current.set(type, (set = new Set()));
        const wrapped = listener as Listener;
        set.add(wrapped);
        return () => set.delete(wrapped);
      },
    }),
    [state, openCount],
  );
  return <RealtimeContext.Provider value={value}>{children}</RealtimeContext.Provider>;
}

/** The live-update channel. @throws Error outside `RealtimeProvider`. */
export function useRealtime(): Realtime {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime must be used inside RealtimeProvider');
  return value;
}
