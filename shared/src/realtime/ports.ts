import type { WidgetCallView } from '../widget/calls.ts';
import type { Role } from '../auth/model.ts';
import type { Agent } from '../agents/model.ts';
import type { Contact } from '../contacts/model.ts';
import type { QueueStats } from '../routing/queue-stats.ts';
import type { StoredMessage } from '../conversations/model.ts';
import type { WidgetChatState, WidgetMessageView } from '../widget/model.ts';
import type { TranscriptSegment } from '../voice/values.ts';
import type { AlertNotice } from '../alerts/notice.ts';
import type { KpiSnapshot } from '../metrics/values.ts';
import type { ConversationAlert } from '../analytics/values.ts';
import type { ScriptRun } from '../scripts/values.ts';
import type { Award } from '../gamification/values.ts';
import type { Presence, TeamMessage } from '../team-chat/values.ts';

/** A queue's live figures as the wallboard shows them. */
export type QueueStatsView = QueueStats & { name: string; open: boolean; generatedAt: string };

/** `GET /api/wallboard`: every queue's figures and the agents on the board. */
export interface Wallboard {
  generatedAt: string;
  queues: QueueStatsView[];
  agents: Pick<Agent, 'agentId' | 'name' | 'status' | 'breakReason' | 'statusSince' | 'queueIds' | 'load' | 'capacity' | 'wrapping' | 'missedOffers'>[];
}

/**
 * Messages pushed to consoles over the WebSocket. Contact messages carry the contact's `version`;
 * consoles keep the highest, so redelivered or reordered pushes are harmless.
 */
export type LiveMessage =
  | { type: 'agent.updated'; agent: Agent }
  | { type: 'pong' }
  /** To the offered agent's consoles: accept or reject before `expiresAt`. */
  | { type: 'offer'; contact: Contact; expiresAt: string }
  /** To the agent(s) a contact is or was assigned to, on every status change. */
  | { type: 'contact.updated'; contact: Contact }
  /** To supervisors and admins when a queue's figures change. */
  | { type: 'queue.stats'; queue: QueueStatsView }
  /**
   * To the contact's agent and to supervisors: a message of the conversation was stored, or changed
   * (an edit, a delivery status, a failure with the provider's reason). Carries the message's `version`.
   */
  | { type: 'message.created'; message: StoredMessage }
  | { type: 'message.updated'; message: StoredMessage }
  /**
   * Someone is typing in a web chat: the visitor (to the contact's agent) or the agent (to the visitor).
   * Ephemeral, nothing is stored; clients show dots for a few seconds after the last one.
   */
  | { type: 'typing'; from: 'visitor' | 'agent'; contactId: string; conversationId: string; name?: string; at: string }
  /** To a web chat visitor only: a message of their conversation, without internal ids. */
  | { type: 'widget.message'; message: WidgetMessageView }
  /** To a web chat visitor only: their chat's state (waiting with place and estimated wait, connected, ended). */
  | { type: 'widget.state'; state: WidgetChatState }
  /**
   * To the call's agent and to supervisors: transcript segments just stored (new, or a newer version of a partial).
   * Consoles merge them with `mergeSegments`, so repeats and reordering are harmless.
   */
  | { type: 'transcript'; contactId: string; segments: TranscriptSegment[] }
  /** To a web chat visitor only: their call from the site (waiting with place, connecting, connected with the agent's name, ended). */
  | { type: 'widget.call'; call: WidgetCallView }
  /** To supervisors and admins online: an alert rule fired or recovered (the bell and a toast). */
  /** To every console of the tenant: an agent earned an achievement or completed a quest (the board, the agent's card, a toast). */
  | { type: 'achievement.earned'; award: Award }
  | { type: 'alert.notice'; notice: AlertNotice }
  /** To supervisors and admins: today's KPI tiles of a queue or the tenant, after a change was folded into them. */
  | { type: 'kpi.updated'; kpi: KpiSnapshot }
  /** To supervisors and admins online: a conversation asks for attention (an escalation request, an agent's swearing, very low loyalty). */
  | { type: 'conversation.alert'; alert: ConversationAlert }
  /** To the run's agent and to supervisors: a contact's script run moved on (a step, its outcome, a drop); consoles keep the longest path. */
  | { type: 'script.run'; run: ScriptRun }
  /** To the online members of a team chat room: a message was posted there (a broadcast has `broadcast`). */
  | { type: 'team.message'; message: TeamMessage }
  /** To the members a team chat message names: the same message, as a notification. */
  | { type: 'team.mention'; message: TeamMessage }
  /** To every console of the tenant: a colleague's presence in the team chat changed (read from their agent status). */
  | { type: 'team.presence'; userId: string; presence: Presence };

/** A console's open WebSocket, recorded so pushes can find it. */
export interface LiveConnection {
  tenantId: string;
  connectionId: string;
  userId: string;
  roles: Role[];
  connectedAt: string;
  /** When the token it connected with expires: after that it receives nothing and is closed (a console reconnects with a fresh token). */
  tokenExpiresAt?: string;
  /** A web chat visitor's widget (no roles, `userId` = visitor id): it gets only its own conversation's pushes. */
  visitor?: { channelId: string; conversationId: string };
}

/** Open WebSocket connections. */
export interface ConnectionRepository {
  put(connection: LiveConnection): Promise<void>;
  /** Webhook-free lookup: `$disconnect` carries only the connection id. */
  find(connectionId: string): Promise<LiveConnection | undefined>;
  remove(tenantId: string, connectionId: string): Promise<void>;
  /** The tenant's connections whose token has not expired; expired ones are forgotten on the way. */
  listByTenant(tenantId: string): Promise<LiveConnection[]>;
}

/** Whether a connection's token is still valid at `now` (connections without a recorded expiry: until API Gateway drops them). */
export const isConnectionLive = (connection: Pick<LiveConnection, 'tokenExpiresAt'>, now: Date): boolean =>
  connection.tokenExpiresAt === undefined || Date.parse(connection.tokenExpiresAt) > now.getTime();

/** Delivers a message to one connection (API Gateway `PostToConnection` or the local hub). */
export interface RealtimePush {
  /** @returns false when the connection is gone, so the caller can forget it. */
  post(connectionId: string, message: LiveMessage): Promise<boolean>;
  /** Closes the connection (API Gateway `DeleteConnection`, the local hub closes the socket); gone already is fine. */
  disconnect?(connectionId: string): Promise<void>;
}
