import { ProblemError } from './errors.ts';
import { requestJson, type RequestOptions } from './http.ts';
import type { Agent, MeResponse, Queue, SetAgentStatus } from './types.ts';

/** Calls the console makes once signed in. */
export interface ApiClient {
  me(): Promise<MeResponse>;
  setMyStatus(status: SetAgentStatus): Promise<Agent>;
  listAgents(): Promise<Agent[]>;
  listQueues(): Promise<Queue[]>;
}

export interface ApiClientOptions {
  /** From the runtime config; '' means same origin. */
  baseUrl: string;
  token: string;
  /** Called once for any 401, so the app can drop the session and show the login form. */
  onUnauthorized(): void;
  fetch?: typeof fetch;
}

/**
 * A typed client over `requestJson` that adds the bearer token and reports a 401 to
 * `onUnauthorized` before rethrowing it.
 * @throws ProblemError or NetworkError from every call.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const call = async <T>(path: string, init: Omit<RequestOptions, 'token' | 'fetch'> = {}): Promise<T> => {
    try {
      return await requestJson<T>(`${base}${path}`, { ...init, token: options.token, fetch: options.fetch });
    } catch (error) {
      if (error instanceof ProblemError && error.status === 401) options.onUnauthorized();
      throw error;
    }
  };
  return {
    me: () => call<MeResponse>('/api/me'),
    setMyStatus: (status) => call<Agent>('/api/agents/me/status', { method: 'PUT', body: status }),
    listAgents: async () => (await call<{ agents: Agent[] }>('/api/agents')).agents,
    listQueues: async () => (await call<{ queues: Queue[] }>('/api/queues')).queues,
  };
}
