// Shapes only the console has: answers the server builds inline, the pushes a console (not a widget)
// receives, and the console's own runtime settings. Everything the server models is imported where
// it is used, as a type from `@cc/shared/<module>/model`; runtime values come only from the zod-free
// `values.ts` and `channels/catalog.ts` (ESLint enforces both), so the bundle carries no zod.
import type { Agent } from '@cc/shared/agents/model';
import type { LiveMessage } from '@cc/shared/realtime/ports';
import type { UserView } from '@cc/shared/tenancy/model';

/** A colleague as `GET /api/agents/directory` lists them: enough to pick a transfer target. */
export type DirectoryAgent = Pick<Agent, 'agentId' | 'name' | 'status' | 'breakReason' | 'queueIds'>;

export interface LoginResponse {
  token: string;
  user: UserView;
}

/** `GET /api/me`: the signed-in person and, for agents, their live state. */
export interface MeResponse {
  user: UserView;
  agent?: Agent;
}

/** RFC 9457 problem details, as every API error is sent. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: unknown[];
  /** A stable cause to branch on (`login_taken`, `user_disabled`), when the server names one. */
  reason?: string;
}

/** Messages the server pushes to a console over the WebSocket (the widget's own are never sent here); unknown types are ignored. */
export type ServerMessage = Exclude<LiveMessage, { type: `widget.${string}` }>;
export type ServerMessageType = ServerMessage['type'];
/** The pushed message of one type. */
export type ServerMessageOf<K extends ServerMessageType> = Extract<ServerMessage, { type: K }>;

/** Runtime settings read from `/config.json`, so one build serves every environment. */
export interface RuntimeConfig {
  /** Prefix for API calls; '' means the console's own origin. */
  apiBaseUrl: string;
  /** WebSocket endpoint, e.g. `ws://127.0.0.1:3000/ws`. */
  wsUrl: string;
  auth: { mode: 'local' } | { mode: 'cognito'; region: string; userPoolId: string; clientId: string };
}
