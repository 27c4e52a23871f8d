import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { connectRealtime, type ConnectionState } from '../../api/realtime.ts';
import type { Agent } from '../../api/types.ts';

type AgentListener = (agent: Agent) => void;

/** Live updates as views see them. */
export interface Realtime {
  state: ConnectionState;
  /** Grows on every (re)connect: views refetch when it changes, to catch pushes they missed. */
  openCount: number;
  /** Listens for `agent.updated` pushes; returns the unsubscribe function. */
  subscribe(listener: AgentListener): () => void;
}

const RealtimeContext = createContext<Realtime | undefined>(undefined);

/** Holds the console's one WebSocket for as long as someone is signed in. */
export function RealtimeProvider({ wsUrl, token, children }: { wsUrl: string; token: string; children: ReactNode }) {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [openCount, setOpenCount] = useState(0);
  const listeners = useRef(new Set<AgentListener>());

  useEffect(() => {
    const connection = connectRealtime({
      wsUrl,
      token,
      onStateChange: setState,
      onOpen: () => setOpenCount((count) => count + 1),
      onAgentUpdated: (agent) => {
        for (const listener of listeners.current) listener(agent);
      },
    });
    return () => connection.close();
  }, [wsUrl, token]);

  const value = useMemo<Realtime>(
    () => ({
      state,
      openCount,
      subscribe(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
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
