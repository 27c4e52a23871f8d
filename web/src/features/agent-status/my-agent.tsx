import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ProblemError } from '../../api/errors.ts';
import type { Agent, SetAgentStatus } from '@cc/shared/agents/model';
import { useToast } from '../../components/toast.tsx';
import { useI18n } from '../../i18n/provider.tsx';
import { useApi } from '../auth/session.tsx';
import { useRealtime } from '../shell/realtime-context.tsx';
import { newerAgent } from './newer-agent.ts';

/** The signed-in user's own agent record, if they have one, and the way to change its status. */
export interface MyAgent {
  agent: Agent | undefined;
  saving: boolean;
  setStatus(status: SetAgentStatus): Promise<void>;
}

const MyAgentContext = createContext<MyAgent | undefined>(undefined);

/** Keeps the user's agent record current from status answers and live pushes, newest version wins. */
export function MyAgentProvider({ initial, children }: { initial: Agent | undefined; children: ReactNode }) {
  const api = useApi();
  const { on, openCount } = useRealtime();
  const notify = useToast();
  const { t } = useI18n();
  const [agent, setAgent] = useState(initial);
  const [saving, setSaving] = useState(false);
  const agentId = initial?.agentId;

  useEffect(() => {
    if (!agentId) return undefined;
    return on('agent.updated', ({ agent: pushed }) => {
      if (pushed.agentId === agentId) setAgent((current) => newerAgent(current, pushed));
    });
  }, [agentId, on]);

  useEffect(() => {
    // After a reconnect, re-read the record in case a push was missed while offline.
    if (!agentId || openCount < 2) return;
    api.me().then(
      (me) => me.agent && setAgent((current) => newerAgent(current, me.agent!)),
      () => {},
    );
  }, [agentId, api, openCount]);

  const setStatus = useCallback(
    async (status: SetAgentStatus) => {
      setSaving(true);
      try {
        const saved = await api.setMyStatus(status);
        setAgent((current) => newerAgent(current, saved));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 401) return;
        if (error instanceof ProblemError && error.status === 409) {
          notify(t('statusMenu.conflict'), 'info');
          const me = await api.me().catch(() => undefined);
          if (me?.agent) setAgent((current) => newerAgent(current, me.agent!));
        } else {
          notify(t('statusMenu.error'));
        }
      } finally {
        setSaving(false);
      }
    },
    [api, notify, t],
  );

  const value = useMemo<MyAgent>(() => ({ agent, saving, setStatus }), [agent, saving, setStatus]);
  return <MyAgentContext.Provider value={value}>{children}</MyAgentContext.Provider>;
}

/** The user's own agent record. @throws Error outside `MyAgentProvider`. */
export function useMyAgent(): MyAgent {
  const value = useContext(MyAgentContext);
  if (!value) throw new Error('useMyAgent must be used inside MyAgentProvider');
  return value;
}
