import type { FunnelComparison, FunnelView } from '@cc/shared/scripts/funnel';
import type { ScriptVersionSummary } from '@cc/shared/scripts/ports';
import type { PersonalWording, Script, ScriptContent, ScriptRun, ScriptVersion } from '@cc/shared/scripts/values';
import { searchOf, type RequestOptions } from './http.ts';

/** `GET /api/scripts/contact/:id`: the script a contact follows (its run's version once started), the run and the agent's wording. */
export interface ContactScriptView {
  contactId: string;
  script?: ScriptVersion;
  run?: ScriptRun;
  wording?: { texts: Record<string, string>; outdated: string[]; version: number };
  canMove: boolean;
}

/** Call scripts (docs/scripts.md): supervisors edit and measure them, agents follow them on their contacts. */
export interface ScriptsApi {
  scripts(options?: { archived?: boolean }): Promise<Script[]>;
  script(scriptId: string): Promise<Script>;
  scriptVersions(scriptId: string): Promise<ScriptVersionSummary[]>;
  scriptVersion(scriptId: string, version: number): Promise<ScriptVersion>;
  createScript(content: ScriptContent): Promise<Script>;
  /** Saves the next version; 409 `script_changed` when `version` is not the current one. */
  updateScript(scriptId: string, version: number, content: ScriptContent): Promise<Script>;
  archiveScript(scriptId: string): Promise<void>;
  contactScript(contactId: string): Promise<ContactScriptView>;
  /** Records the step at `seq` of the contact's run (a repeat answers the run as it is; 409 `run_changed` from a stale window). */
  moveScript(scriptId: string, contactId: string, move: { version: number; seq: number; stepId: string; answerId?: string }): Promise<ScriptRun>;
  myWording(scriptId: string): Promise<PersonalWording | null>;
  saveWording(scriptId: string, body: { baseVersion: number; texts: Record<string, string>; version?: number }): Promise<PersonalWording>;
  scriptFunnel(scriptId: string, query?: { version?: number; compare?: number }): Promise<{ funnel: FunnelView; comparison?: FunnelComparison }>;
}

type JsonCall = <T>(path: string, init?: Omit<RequestOptions, 'token' | 'fetch'>) => Promise<T>;
const id = encodeURIComponent;

/** The scripts part of the API client, over the client's authenticated `call`. */
export function scriptsApi(call: JsonCall): ScriptsApi {
  return {
    scripts: async (options = {}) => (await call<{ scripts: Script[] }>(`/api/scripts${searchOf({ archived: options.archived ? 'true' : undefined })}`)).scripts,
    script: (scriptId) => call<Script>(`/api/scripts/${id(scriptId)}`),
    scriptVersions: async (scriptId) => (await call<{ versions: ScriptVersionSummary[] }>(`/api/scripts/${id(scriptId)}/versions`)).versions,
    scriptVersion: (scriptId, version) => call<ScriptVersion>(`/api/scripts/${id(scriptId)}/versions/${version}`),
    createScript: (content) => call<Script>('/api/scripts', { method: 'POST', body: content }),
    updateScript: (scriptId, version, content) => call<Script>(`/api/scripts/${id(scriptId)}`, { method: 'PUT', body: { version, content } }),
    archiveScript: async (scriptId) => void (await call<unknown>(`/api/scripts/${id(scriptId)}`, { method: 'DELETE' })),
    contactScript: (contactId) => call<ContactScriptView>(`/api/scripts/contact/${id(contactId)}`),
    moveScript: (scriptId, contactId, move) => call<ScriptRun>(`/api/scripts/${id(scriptId)}/runs/${id(contactId)}`, { method: 'POST', body: move }),
    myWording: async (scriptId) => (await call<{ wording: PersonalWording | null }>(`/api/scripts/${id(scriptId)}/personal`)).wording,
    saveWording: (scriptId, body) => call<PersonalWording>(`/api/scripts/${id(scriptId)}/personal`, { method: 'PUT', body }),
    scriptFunnel: (scriptId, query = {}) => call<{ funnel: FunnelView; comparison?: FunnelComparison }>(`/api/scripts/${id(scriptId)}/funnel${searchOf(query)}`),
  };
}
