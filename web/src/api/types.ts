// Wire shapes of the contact center API, as the console reads them. They mirror
// shared/src/{agents,auth,contacts,routing,conversations,customers}/model.ts and
// shared/src/realtime/ports.ts; the console keeps its own copy so the browser bundle carries no
// schema library.

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
  // Routing fields: optional on the record (routing fills defaults), written only by routing.
  /** Simultaneous contacts by kind, e.g. 1 call or up to 3 chats. */
  capacity?: ChannelCounts;
  /** True (default): a call and chats are never held together. */
  voiceBlocksChats?: boolean;
  /** Contacts held now (offered, connected or after-contact work), by kind. */
  load?: ChannelCounts;
  /** How many of the held contacts are in after-contact work. */
  wrapping?: number;
  profile?: { queueId: string; priority: number; delaySeconds: number }[];
  idleSince?: string;
  /** Offers rejected or let time out. */
  missedOffers?: number;
}

/** Counts by capacity bucket: calls (voice, callback) and chats (every messenger). */
export interface ChannelCounts {
  voice: number;
  chat: number;
}

/** A colleague as `GET /api/agents/directory` lists them: enough to pick a transfer target. */
export interface DirectoryAgent {
  agentId: string;
  name: string;
  status: AgentStatus;
  breakReason?: BreakReason;
  queueIds: string[];
}

/** What an agent may set from the console; `busy` and `after-contact-work` belong to routing. */
export type SetAgentStatus = { status: 'available' } | { status: 'offline' } | { status: 'break'; reason: BreakReason };

/** A queue as stored; routing fills the defaults of fields an older record lacks. */
export interface Queue {
  queueId: string;
  name: string;
  priority: number;
  /** E.g. 80 % answered within 20 s. */
  serviceLevel?: { targetPercent: number; thresholdSeconds: number };
  timeZone?: string;
  /** Seconds an agent has to accept an offer (default 20). */
  offerTimeoutSeconds?: number;
  /** Seconds of wrap-up after a contact ends (default 0: it closes at once). */
  afterContactWorkSeconds?: number;
}

/** Every channel a contact can arrive on. */
export const CHANNELS = ['voice', 'callback', 'telegram', 'whatsapp', 'vk', 'viber', 'webchat', 'yandex'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Messenger channels, the ones with a conversation. */
export type MessengerChannel = Exclude<Channel, 'voice' | 'callback'>;

/** Whether a channel is a call (voice or callback) rather than a chat. */
export function isVoiceChannel(channel: Channel): channel is 'voice' | 'callback' {
  return channel === 'voice' || channel === 'callback';
}

export const CONTACT_STATUSES = ['queued', 'offered', 'connected', 'after-contact-work', 'closed', 'abandoned', 'missed', 'transferred'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** One lifecycle step of a contact. */
export interface TransitionRecord {
  contactId: string;
  from: string;
  to: string;
  at: string;
  reason?: string;
  agentId?: string;
}

/** A callback the customer asked for: the number to dial and, optionally, when. */
export interface CallbackRequest {
  phone: string;
  notBefore?: string;
  notAfter?: string;
  note?: string;
}

/** One customer interaction on any channel; `version` grows with every change. */
export interface Contact {
  tenantId: string;
  contactId: string;
  queueId: string;
  channel: Channel;
  status: ContactStatus;
  enqueuedAt: string;
  statusSince: string;
  connectedAt?: string;
  priority: number;
  requiredSkills: Skill[];
  menuChoice?: string;
  /** The agent it is offered to or connected with. */
  agentId?: string;
  excludedAgentIds: string[];
  channelId?: string;
  customerId?: string;
  conversationId?: string;
  previousContactId?: string;
  callback?: CallbackRequest;
  targetAgentId?: string;
  createdAt: string;
  history: TransitionRecord[];
  version: number;
}

/** Where a contact goes on transfer: another queue, or a named agent. */
export type TransferTarget = { queueId: string } | { agentId: string; queueId?: string };

/** `received` for the customer's messages; ours go pending → sent → delivered → read, or end failed. */
export const MESSAGE_STATUSES = ['received', 'pending', 'sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** Why one of our messages did not get through, in the provider's words. */
export interface MessageFailure {
  category: 'recipient_unreachable' | 'rate_limited' | 'provider_unavailable' | 'unauthorized' | 'rejected';
  reason: string;
  providerCode?: string;
  detail?: string;
  /** False when a later resend may succeed. */
  permanent: boolean;
  at: string;
}

/** A file the customer sent, kept as the provider's reference. */
export interface Attachment {
  type: 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker';
  fileRef: string;
  url?: string;
  mimeType?: string;
  fileName?: string;
  sizeBytes?: number;
  durationSec?: number;
}

export type MessageKind = 'text' | 'image' | 'file' | 'voice' | 'sticker' | 'location' | 'contact' | 'button_reply' | 'unsupported';

/** One message of a conversation, as the API shows it; `version` grows with every change. */
export interface Message {
  tenantId: string;
  messageId: string;
  channel: MessengerChannel;
  channelId: string;
  conversationId: string;
  customerId: string;
  contactId?: string;
  direction: 'inbound' | 'outbound';
  kind: MessageKind;
  text?: string;
  attachments: Attachment[];
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  sharedContact?: { name?: string; phone?: string };
  button?: { payload: string; title?: string };
  buttons?: { title: string; payload: string }[];
  sentAt: string;
  receivedAt: string;
  /** Who wrote ours: an agent's user id, or `system` for bot prompts. */
  authorId?: string;
  unsupportedType?: string;
  status: MessageStatus;
  statusHistory: { status: MessageStatus; at: string }[];
  failure?: MessageFailure;
  sendAttempt: number;
  edited: boolean;
  editedAt?: string;
  version: number;
}

/** An agent's reply. */
export interface ReplyRequest {
  text: string;
  /** The console's own id: sending it twice stores it once. */
  clientMessageId?: string;
}

/** One external user of one channel instance, with what the provider told about them. */
export interface Customer {
  tenantId: string;
  customerId: string;
  channel: MessengerChannel;
  channelId: string;
  externalId: string;
  name?: string;
  username?: string;
  /** E.164. */
  phone?: string;
  /** From the web chat widget's forms. */
  email?: string;
  language?: string;
  country?: string;
  linkedCustomerIds: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Another customer who may be the same person. */
export interface MergeSuggestion {
  customerId: string;
  channel: MessengerChannel;
  channelId: string;
  name?: string;
  phone: string;
  reason: 'same_phone';
}

/** `GET /api/customers/:id`: the customer, the customers linked to them, and who may be the same person. */
export interface CustomerProfile {
  customer: Customer;
  linked: Customer[];
  mergeSuggestions: MergeSuggestion[];
}

/** One page of the 360° history: messages on every linked channel, newest first. */
export interface CustomerHistoryPage {
  customerIds: string[];
  messages: Message[];
  /** Only on the first page: every contact of the linked customers, newest first. */
  contacts?: Contact[];
  nextCursor?: string;
}

/** A queue's live figures, as the wallboard and `queue.stats` pushes carry them. */
export interface QueueStats {
  queueId: string;
  name: string;
  open: boolean;
  /** Contacts not yet connected: queued, offered or missed. */
  waiting: number;
  oldestWaitSeconds: number;
  agentsByStatus: Record<AgentStatus, number>;
  handledToday: number;
  abandonedToday: number;
  /** Percent, or null before anything counts today. */
  serviceLevelToday: number | null;
  /** Server time the figures were computed. */
  generatedAt: string;
}

/** `GET /api/wallboard`. */
export interface Wallboard {
  generatedAt: string;
  queues: QueueStats[];
  agents: Pick<Agent, 'agentId' | 'name' | 'status' | 'breakReason' | 'statusSince' | 'queueIds' | 'load' | 'capacity' | 'wrapping' | 'missedOffers'>[];
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
export type ServerMessage =
  | { type: 'agent.updated'; agent: Agent }
  | { type: 'pong' }
  /** To the offered agent: accept or reject before `expiresAt`. */
  | { type: 'offer'; contact: Contact; expiresAt: string }
  /** To the agent(s) a contact is or was assigned to, on every status change. */
  | { type: 'contact.updated'; contact: Contact }
  /** To supervisors when a queue's figures change. */
  | { type: 'queue.stats'; queue: QueueStats }
  /** To the contact's agent and supervisors: a message was stored, or changed (delivery status, failure, edit). */
  | { type: 'message.created'; message: Message }
  | { type: 'message.updated'; message: Message }
  /**
   * Someone types in a web chat: the visitor (to the contact's agent) or an agent. Ephemeral; the
   * console shows dots for a few seconds after the last one.
   */
  | { type: 'typing'; from: 'visitor' | 'agent'; contactId: string; conversationId: string; name?: string; at: string };

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
