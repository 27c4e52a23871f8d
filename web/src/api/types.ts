// Wire shapes of the contact center API, as the console reads them. They mirror
// shared/src/agents/model.ts and shared/src/auth/model.ts; the console keeps its own copy so the
// browser bundle carries no schema library.

export const ROLES = ['agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENT_STATUSES = ['available', 'busy', 'after-contact-work', 'break', 'offline'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const BREAK_REASONS = ['lunch', 'training', 'meeting', 'technical', 'personal'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

/** The signed-in person, as the API describes them. */
export interface User {
  userId: string;
  tenantId: string;
  name: string;
  login: string;
  roles: Role[];
}

export interface Skill {
  skill: string;
  level: number;
}

/** Live agent state; `version` grows with every change, so stale pushes can be dropped. */
export interface Agent {
  tenantId: string;
  agentId: string;
  name: string;
  status: AgentStatus;
  breakReason?: BreakReason;
  statusSince: string;
  skills: Skill[];
  queueIds: string[];
  version: number;
}

/** What an agent may set from the console; `busy` and `after-contact-work` belong to routing. */
export type SetAgentStatus = { status: 'available' } | { status: 'offline' } | { status: 'break'; reason: BreakReason };

export interface Queue {
  queueId: string;
  name: string;
  priority: number;
}

export interface LoginResponse {
  token: string;
  user: User;
}

export interface MeResponse {
  user: User;
  agent?: Agent;
}

/** RFC 9457 problem details, as every API error is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: unknown[];
}

/** Messages the server pushes over the WebSocket; unknown types are ignored. */
export type ServerMessage = { type: 'agent.updated'; agent: Agent } | { type: 'pong' };

/** Runtime settings read from `/config.json`, so one build serves every environment. */
export interface RuntimeConfig {
  /** Prefix for API calls; '' means the console's own origin. */
  apiBaseUrl: string;
  /** WebSocket endpoint, e.g. `ws://127.0.0.1:3000/ws`. */
  wsUrl: string;
  auth: { mode: 'local' } | { mode: 'cognito'; region: string; userPoolId: string; clientId: string };
}
