import { ProblemError } from './errors.ts';
import { requestJson, type RequestOptions } from './http.ts';
import type { Agent, SetAgentStatus } from '@cc/shared/agents/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { Transfer } from '@cc/shared/contacts/requests';
import type { ReplyRequest, StoredMessage, WhisperRequest } from '@cc/shared/conversations/model';
import type { CustomerHistoryPage, CustomerProfileView } from '@cc/shared/customers/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { Wallboard } from '@cc/shared/realtime/ports';
import type { TranscriptSegment } from '@cc/shared/voice/values';
import type { AudioTicket, ConsoleAudioRole } from '@cc/shared/voice/call-audio';
import type { DirectoryAgent, MeResponse } from './types.ts';

/** Calls the console makes once signed in. */
export interface ApiClient {
  me(): Promise<MeResponse>;
  setMyStatus(status: SetAgentStatus): Promise<Agent>;
  listAgents(): Promise<Agent[]>;
  /** Names and presence of every agent, for picking a transfer target (any role). */
  agentDirectory(): Promise<DirectoryAgent[]>;
  listQueues(): Promise<TenantQueue[]>;

  /** What the signed-in agent holds now: offered, connected and in after-contact work. */
  listMyContacts(): Promise<Contact[]>;
  getContact(contactId: string): Promise<Contact>;
  acceptContact(contactId: string): Promise<Contact>;
  rejectContact(contactId: string): Promise<Contact>;
  /** Connected → after-contact work (or closed when the queue has no wrap-up time). */
  endContact(contactId: string): Promise<Contact>;
  /** After-contact work → closed, before its time is up. */
  completeWrapUp(contactId: string): Promise<Contact>;
  transferContact(contactId: string, target: Transfer): Promise<Contact>;
  /** Puts a connected call on hold or resumes it (its agent only); a repeat answers the contact unchanged. */
  holdContact(contactId: string, onHold: boolean): Promise<Contact>;
  /** A ticket to the call's audio (the connected agent, or a supervisor for listen/whisper/barge). */
  callAudioTicket(contactId: string, role: ConsoleAudioRole): Promise<AudioTicket>;

  /** A contact's messages, oldest first. */
  listMessages(contactId: string): Promise<StoredMessage[]>;
  sendReply(contactId: string, reply: ReplyRequest): Promise<StoredMessage>;
  resendMessage(messageId: string): Promise<StoredMessage>;
  /** The agent types in a web chat contact: the visitor sees dots. Web chats only (other channels have no typing API). */
  sendTyping(contactId: string): Promise<{ delivered: boolean }>;
  /** A call's two-channel transcript in time order (the contact's agent and supervisors). */
  getTranscript(contactId: string): Promise<TranscriptSegment[]>;
  /** Hands one Amazon Transcribe `TranscriptEvent` of the agent's call to the server (the AWS audio path); answers the segments stored. */
  postTranscript(contactId: string, event: unknown): Promise<TranscriptSegment[]>;

  getCustomer(customerId: string): Promise<CustomerProfileView>;
  /** One page of the customer's history across linked channels, newest first. */
  customerHistory(customerId: string, page?: { cursor?: string; limit?: number }): Promise<CustomerHistoryPage>;
  mergeCustomer(customerId: string, otherCustomerId: string): Promise<CustomerProfileView>;

  /** Every queue's live figures and every agent's presence and load (supervisors). */
  wallboard(): Promise<Wallboard>;
  /** The tenant's calls connected to an agent now, with who supervises them (supervisors). */
  liveCalls(): Promise<Contact[]>;
  /** A ticket to a call's audio: the agent's own, or a supervisor's listen / whisper / barge (recorded on the contact). */
  /** The supervisor leaves a call's audio (their supervision entry ends). */
  leaveCallAudio(contactId: string): Promise<void>;
  /** The tenant's chats connected to an agent now, the supervisor's own (taken over) among them. */
  liveChats(): Promise<Contact[]>;
  /** A supervisor's whisper into a chat: only agents see it. */
  whisper(contactId: string, request: WhisperRequest): Promise<StoredMessage>;
  /** The supervisor joins a chat as a second participant (their replies then reach the customer, signed). */
  bargeChat(contactId: string): Promise<Contact>;
  leaveChat(contactId: string): Promise<Contact>;
  /** The chat becomes the supervisor's; its agent's slot is freed. */
  takeOver(contactId: string): Promise<Contact>;
}

export interface ApiClientOptions {
  /** From the runtime config; '' means same origin. */
  baseUrl: string;
  token: string;
  /** Called once for any 401, so the app can drop the session and show the login form. */
  onUnauthorized(): void;
  fetch?: typeof fetch;
}

const id = encodeURIComponent;

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
  const post = <T>(path: string, body?: unknown) => call<T>(path, { method: 'POST', body });
  return {
    me: () => call<MeResponse>('/api/me'),
    setMyStatus: (status) => call<Agent>('/api/agents/me/status', { method: 'PUT', body: status }),
    listAgents: async () => (await call<{ agents: Agent[] }>('/api/agents')).agents,
    agentDirectory: async () => (await call<{ agents: DirectoryAgent[] }>('/api/agents/directory')).agents,
    listQueues: async () => (await call<{ queues: TenantQueue[] }>('/api/queues')).queues,

    listMyContacts: async () => (await call<{ contacts: Contact[] }>('/api/contacts?assigned=me')).contacts,
    getContact: (contactId) => call<Contact>(`/api/contacts/${id(contactId)}`),
    acceptContact: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/accept`),
    rejectContact: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/reject`),
    endContact: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/end`),
    completeWrapUp: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/complete`),
    transferContact: (contactId, target) => post<Contact>(`/api/contacts/${id(contactId)}/transfer`, target),
    holdContact: (contactId, onHold) => post<Contact>(`/api/contacts/${id(contactId)}/hold`, { onHold }),
    callAudioTicket: (contactId, role) => post<AudioTicket>(`/api/contacts/${id(contactId)}/audio`, { role }),

    listMessages: async (contactId) => (await call<{ messages: StoredMessage[] }>(`/api/contacts/${id(contactId)}/messages`)).messages,
    sendReply: async (contactId, reply) => (await post<{ message: StoredMessage }>(`/api/contacts/${id(contactId)}/messages`, reply)).message,
    resendMessage: async (messageId) => (await post<{ message: StoredMessage }>(`/api/messages/${id(messageId)}/resend`)).message,
    sendTyping: (contactId) => post<{ delivered: boolean }>(`/api/contacts/${id(contactId)}/typing`),
    getTranscript: async (contactId) => (await call<{ segments: TranscriptSegment[] }>(`/api/contacts/${id(contactId)}/transcript`)).segments,
    postTranscript: async (contactId, event) => (await post<{ segments: TranscriptSegment[] }>(`/api/contacts/${id(contactId)}/transcript`, event)).segments,

    getCustomer: (customerId) => call<CustomerProfileView>(`/api/customers/${id(customerId)}`),
    customerHistory: (customerId, page = {}) => {
      const query = new URLSearchParams();
      if (page.limit) query.set('limit', String(page.limit));
      if (page.cursor) query.set('cursor', page.cursor);
      const text = query.toString();
      const suffix = text ? `?${text}` : '';
      return call<CustomerHistoryPage>(`/api/customers/${id(customerId)}/history${suffix}`);
    },
    mergeCustomer: (customerId, otherCustomerId) => post<CustomerProfileView>(`/api/customers/${id(customerId)}/merge`, { customerId: otherCustomerId }),

    wallboard: () => call<Wallboard>('/api/wallboard'),
    liveCalls: async () => (await call<{ calls: Contact[] }>('/api/wallboard/calls')).calls,
    leaveCallAudio: async (contactId) => void (await post<unknown>(`/api/contacts/${id(contactId)}/audio/leave`)),
    liveChats: async () => (await call<{ chats: Contact[] }>('/api/wallboard/chats')).chats,
    whisper: async (contactId, request) => (await post<{ message: StoredMessage }>(`/api/contacts/${id(contactId)}/whisper`, request)).message,
    bargeChat: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/barge`),
    leaveChat: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/supervision/leave`),
    takeOver: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/take-over`),
  };
}
