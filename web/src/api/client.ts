import { ProblemError } from './errors.ts';
import { requestBlob, requestJson, searchOf, type RequestOptions } from './http.ts';
import { qaApi, type QaApi } from './qa-api.ts';
import { scriptsApi, type ScriptsApi } from './scripts-api.ts';
import { gamificationApi, type GamificationApi } from './gamification-api.ts';
import { teamChatApi, type TeamChatApi } from './team-chat-api.ts';
import { type UploadProgress, uploadFile } from './upload.ts';
import type { UploadedFile } from '@cc/shared/media/outbound';
import type { Agent, SetAgentStatus, SetColleagueStatus } from '@cc/shared/agents/model';
import type { Contact } from '@cc/shared/contacts/model';
import type { Transfer } from '@cc/shared/contacts/requests';
import type { ReplyRequest, StoredMessage, WhisperRequest } from '@cc/shared/conversations/model';
import type { CustomerHistoryPage, CustomerProfileView } from '@cc/shared/customers/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import type { CreateQueueRequest, UpdateQueueRequest } from '@cc/shared/queues/admin';
import type { Wallboard } from '@cc/shared/realtime/ports';
import type { TranscriptionGrant, TranscriptSegment } from '@cc/shared/voice/values';
import type { AudioTicket, ConsoleAudioRole } from '@cc/shared/voice/call-audio';
import type { AuditPage, AuditTarget } from '@cc/shared/audit/values';
import type { CallFlow } from '@cc/shared/voice/flow-config';
import type { CreateUserBody, UpdateUserBody, UserAdminView } from '@cc/shared/users/model';
import type { DirectoryAgent, MeResponse } from './types.ts';
import type { Customer, UpdateCustomerNotes } from '@cc/shared/customers/model';
import type { StoredTopic } from '@cc/shared/wrap-up/schema';
import type { WrapUpInput } from '@cc/shared/wrap-up/values';
import type { StoredQuickReply } from '@cc/shared/quick-replies/schema';
import type { QuickReply } from '@cc/shared/quick-replies/values';
import type { SurveySettings } from '@cc/shared/surveys/values';
import type { MetricView } from '@cc/shared/metrics/catalog/index';
import type { ReportPage } from '@cc/shared/metrics/report';
import type { GroupBy, KpiSnapshot, ReportInterval } from '@cc/shared/metrics/values';
import type { AgentTimeline } from '@cc/shared/timeline/values';
import type { AlertRule, CreateAlert, PatchAlert } from '@cc/shared/alerts/model';
import type { AlertNotice } from '@cc/shared/alerts/notice';
import type { AttainmentPage, Plan, PlanPeriod } from '@cc/shared/plans/values';
import type { CreatePlan, PatchPlan } from '@cc/shared/plans/schema';
import type { AnalysisResult, ConversationAlert } from '@cc/shared/analytics/values';
import type { AnalyticsSettings } from '@cc/shared/analytics/settings';
import type { PreviewRequest } from '@cc/shared/analytics/schema';
import type { AnalysisRule } from '@cc/shared/analytics/rules';

/** Calls the console makes once signed in. */
export interface ApiClient extends QaApi, ScriptsApi, GamificationApi, TeamChatApi {
  me(): Promise<MeResponse>;
  setMyStatus(status: SetAgentStatus): Promise<Agent>;
  /** A supervisor sets a colleague's status, saying why (`comment`, kept in the audit log and shown to the agent). */
  setAgentStatus(agentId: string, change: SetColleagueStatus): Promise<Agent>;
  listAgents(): Promise<Agent[]>;
  /** An agent's local day (`date` YYYY-MM-DD, today by default): statuses as segments and the contacts handled. */
  agentTimeline(agentId: string, date?: string): Promise<AgentTimeline>;
  /** Names and presence of every agent, for picking a transfer target (any role). */
  agentDirectory(): Promise<DirectoryAgent[]>;
  listQueues(): Promise<TenantQueue[]>;
  /** Admin: a new queue (400 lists invalid fields by path) and a change to one (409 when it changed since `version`). */
  createQueue(queue: CreateQueueRequest): Promise<TenantQueue>;
  updateQueue(queueId: string, patch: UpdateQueueRequest): Promise<TenantQueue>;

  /** What the signed-in agent holds now: offered, connected and in after-contact work. */
  listMyContacts(): Promise<Contact[]>;
  getContact(contactId: string): Promise<Contact>;
  acceptContact(contactId: string): Promise<Contact>;
  rejectContact(contactId: string): Promise<Contact>;
  /** Connected → after-contact work (or closed when the queue has no wrap-up time). */
  endContact(contactId: string): Promise<Contact>;
  /** After-contact work → closed, with topics, disposition and note (400 with a reason when the queue requires a topic). */
  completeWrapUp(contactId: string, wrapUp?: WrapUpInput): Promise<Contact>;
  transferContact(contactId: string, target: Transfer): Promise<Contact>;
  /** Puts a connected call on hold or resumes it (its agent only); a repeat answers the contact unchanged. */
  holdContact(contactId: string, onHold: boolean): Promise<Contact>;
  /** A ticket to the call's audio (the connected agent, or a supervisor for listen/whisper/barge). */
  callAudioTicket(contactId: string, role: ConsoleAudioRole): Promise<AudioTicket>;

  /** A contact's messages, oldest first. */
  listMessages(contactId: string): Promise<StoredMessage[]>;
  sendReply(contactId: string, reply: ReplyRequest): Promise<StoredMessage>;
  resendMessage(messageId: string): Promise<StoredMessage>;
  /** Uploads an agent's file for a reply on the contact, reporting progress; the reply names it by `uploadId`. */
  uploadAttachment(contactId: string, file: File, options?: { onProgress?(progress: UploadProgress): void; signal?: AbortSignal }): Promise<UploadedFile>;
  /** The stored copy of a customer's file (attachment `index` of a message), for a thumbnail or a download. */
  attachmentFile(messageId: string, index: number, signal?: AbortSignal): Promise<Blob>;
  /** The agent types in a web chat contact: the visitor sees dots. Web chats only (other channels have no typing API). */
  sendTyping(contactId: string): Promise<{ delivered: boolean }>;
  /** A call's two-channel transcript in time order (the contact's agent and supervisors). */
  getTranscript(contactId: string): Promise<TranscriptSegment[]>;
  /** Hands one Amazon Transcribe `TranscriptEvent` of the agent's call to the server (the AWS audio path); answers the segments stored. */
  postTranscript(contactId: string, event: unknown): Promise<TranscriptSegment[]>;
  /** Short-lived Transcribe streaming credentials for the agent on the call (AWS; 409 where there is no Transcribe). */
  transcriptionGrant(contactId: string): Promise<TranscriptionGrant>;

  getCustomer(customerId: string): Promise<CustomerProfileView>;
  /** One page of the customer's history across linked channels, newest first. */
  customerHistory(customerId: string, page?: { cursor?: string; limit?: number }): Promise<CustomerHistoryPage>;
  mergeCustomer(customerId: string, otherCustomerId: string): Promise<CustomerProfileView>;

  /** The agents' notes and tags on a customer. */
  updateCustomerNotes(customerId: string, patch: UpdateCustomerNotes): Promise<Customer>;

  /** Wrap-up topics, archived ones too (any role); changes are for admins. */
  listTopics(): Promise<StoredTopic[]>;
  createTopic(name: string): Promise<StoredTopic>;
  updateTopic(topicId: string, patch: { name?: string; archived?: boolean }): Promise<StoredTopic>;
  /** Quick replies the caller may use (tenant-wide and their queues'; with `queueId` only that queue's and tenant-wide). */
  listQuickReplies(queueId?: string): Promise<StoredQuickReply[]>;
  createQuickReply(reply: Omit<QuickReply, 'quickReplyId'>): Promise<StoredQuickReply>;
  updateQuickReply(quickReplyId: string, patch: { title?: string; text?: string; queueId?: string | null }): Promise<StoredQuickReply>;
  deleteQuickReply(quickReplyId: string): Promise<void>;

  /** Every queue's live figures and every agent's presence and load (supervisors). */
  wallboard(): Promise<Wallboard>;
  /** Today's KPI tiles of the tenant and every queue (supervisors). */
  wallboardKpis(): Promise<{ tenant: KpiSnapshot; queues: KpiSnapshot[] }>;
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

  /** The tenant's administrative changes, newest first (admins). */
  auditLog(query?: { cursor?: string; limit?: number; target?: AuditTarget }): Promise<AuditPage>;
  /** Administration (admins): the tenant's users, a new one (locally with its one-time password, shown once), a change, disabling. */
  listUsers(): Promise<UserAdminView[]>;
  createUser(user: CreateUserBody): Promise<UserAdminView & { temporaryPassword?: string }>;
  updateUser(userId: string, patch: UpdateUserBody): Promise<UserAdminView>;
  disableUser(userId: string): Promise<UserAdminView>;
  /** The tenant's phone numbers (supervisors); a number's call flow, the default one when none is saved; saving it (admins). */
  listPhoneNumbers(): Promise<PhoneNumberView[]>;
  /** The metric catalog and the tenant's time zone (reports cut days in it). */
  metricCatalog(): Promise<{ metrics: MetricView[]; timeZone: string }>;
  report(query: ReportQuery): Promise<ReportPage>;
  /** The same report as a CSV file, with column names in `lang`. */
  reportCsv(query: ReportQuery, lang: 'ru' | 'en'): Promise<Blob>;
  /** Plans: all of them for supervisors and admins, those that apply to them for an agent. */
  listPlans(): Promise<Plan[]>;
  /** Supervisors and admins; 400 lists refused fields by path, 409 `plan_exists` / `plan_changed`. */
  createPlan(plan: CreatePlan): Promise<Plan>;
  updatePlan(planId: string, patch: PatchPlan): Promise<Plan>;
  deletePlan(planId: string): Promise<void>;
  /** Each applicable plan's actual, attainment and pace over the period holding `date` (today when left out). */
  planAttainment(query: { period: PlanPeriod; date?: string; agentId?: string }): Promise<AttainmentPage>;
  getCallFlow(phoneNumberId: string): Promise<PhoneNumberFlow>;
  putCallFlow(phoneNumberId: string, flow: CallFlow): Promise<PhoneNumberFlow>;
  /** KPI alert rules with their state (supervisors), and the latest notices they sent (the bell). */
  listAlerts(): Promise<AlertRule[]>;
  createAlert(rule: Partial<CreateAlert> & Pick<CreateAlert, 'metric' | 'comparison' | 'threshold'>): Promise<AlertRule>;
  updateAlert(alertId: string, patch: PatchAlert): Promise<AlertRule>;
  deleteAlert(alertId: string): Promise<void>;
  alertNotices(limit?: number): Promise<AlertNotice[]>;
  /** The latest alerts about problem conversations (supervisors). */
  conversationAlerts(limit?: number): Promise<ConversationAlert[]>;
  /** The tenant's analytics rules, thresholds and alert recipients (supervisors read, admins write). */
  getAnalyticsSettings(): Promise<AnalyticsSettings>;
  putAnalyticsSettings(settings: Omit<AnalyticsSettings, 'tenantId' | 'updatedAt' | 'updatedBy'>): Promise<AnalyticsSettings>;
  /** Runs the engine on a conversation typed in, under the saved rules plus `rules`; stores nothing. */
  previewAnalysis(request: Omit<PreviewRequest, 'rules'> & { rules?: readonly AnalysisRule[] }): Promise<AnalysisResult>;
  /** The tenant's survey settings (supervisors read, admins write). */
  getSurveySettings(): Promise<SurveySettings>;
  putSurveySettings(settings: SurveySettings): Promise<SurveySettings>;
}

/** `GET /api/reports` parameters (metric and group ids comma-joined by the client). */
export interface ReportQuery { groupBy: GroupBy; interval: ReportInterval; from: string; to: string; metrics: readonly string[]; ids?: readonly string[]; limit?: number; cursor?: string }

const reportSearch = (q: ReportQuery, extra: Record<string, string> = {}) =>
  searchOf({ groupBy: q.groupBy, interval: q.interval, from: q.from, to: q.to, metrics: q.metrics.join(','), ids: q.ids?.join(','), limit: q.limit, cursor: q.cursor, ...extra });

/** A number as `GET /api/phone-numbers` lists it; `id` is its E.164 without the `+`. */
export interface PhoneNumberView { id: string; e164: string; name: string; defaultQueueId?: string; flowConfigured: boolean }
export interface PhoneNumberFlow { e164: string; configured: boolean; flow: CallFlow }

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
  let catalog: Promise<{ metrics: MetricView[]; timeZone: string }> | undefined;
  const blob = async (path: string, signal?: AbortSignal): Promise<Blob> => {
    try {
      return await requestBlob(`${base}${path}`, { token: options.token, fetch: options.fetch, ...(signal && { signal }) });
    } catch (error) {
      if (error instanceof ProblemError && error.status === 401) options.onUnauthorized();
      throw error;
    }
  };
  return {
    me: () => call<MeResponse>('/api/me'),
    setMyStatus: (status) => call<Agent>('/api/agents/me/status', { method: 'PUT', body: status }),
    setAgentStatus: (agentId, change) => call<Agent>(`/api/agents/${id(agentId)}/status`, { method: 'PUT', body: change }),
    listAgents: async () => (await call<{ agents: Agent[] }>('/api/agents')).agents,
    agentTimeline: (agentId, date) => call<AgentTimeline>(`/api/agents/${id(agentId)}/timeline${searchOf({ date })}`),
    agentDirectory: async () => (await call<{ agents: DirectoryAgent[] }>('/api/agents/directory')).agents,
    listQueues: async () => (await call<{ queues: TenantQueue[] }>('/api/queues')).queues,
    createQueue: (queue) => post<TenantQueue>('/api/queues', queue),
    updateQueue: (queueId, patch) => call<TenantQueue>(`/api/queues/${id(queueId)}`, { method: 'PATCH', body: patch }),

    listMyContacts: async () => (await call<{ contacts: Contact[] }>('/api/contacts?assigned=me')).contacts,
    getContact: (contactId) => call<Contact>(`/api/contacts/${id(contactId)}`),
    acceptContact: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/accept`),
    rejectContact: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/reject`),
    endContact: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/end`),
    completeWrapUp: (contactId, wrapUp) => post<Contact>(`/api/contacts/${id(contactId)}/complete`, wrapUp),
    transferContact: (contactId, target) => post<Contact>(`/api/contacts/${id(contactId)}/transfer`, target),
    holdContact: (contactId, onHold) => post<Contact>(`/api/contacts/${id(contactId)}/hold`, { onHold }),
    callAudioTicket: (contactId, role) => post<AudioTicket>(`/api/contacts/${id(contactId)}/audio`, { role }),

    listMessages: async (contactId) => (await call<{ messages: StoredMessage[] }>(`/api/contacts/${id(contactId)}/messages`)).messages,
    sendReply: async (contactId, reply) => (await post<{ message: StoredMessage }>(`/api/contacts/${id(contactId)}/messages`, reply)).message,
    resendMessage: async (messageId) => (await post<{ message: StoredMessage }>(`/api/messages/${id(messageId)}/resend`)).message,
    uploadAttachment: async (contactId, file, upload = {}) => {
      try {
        return await uploadFile<UploadedFile>(`${base}/api/contacts/${id(contactId)}/attachments?filename=${id(file.name)}`, file, { token: options.token, contentType: file.type || 'application/octet-stream', ...upload });
      } catch (error) {
        if (error instanceof ProblemError && error.status === 401) options.onUnauthorized();
        throw error;
      }
    },
    attachmentFile: (messageId, index, signal) => blob(`/api/messages/${id(messageId)}/attachments/${index}`, signal),
    sendTyping: (contactId) => post<{ delivered: boolean }>(`/api/contacts/${id(contactId)}/typing`),
    getTranscript: async (contactId) => (await call<{ segments: TranscriptSegment[] }>(`/api/contacts/${id(contactId)}/transcript`)).segments,
    transcriptionGrant: (contactId) => post<TranscriptionGrant>(`/api/contacts/${id(contactId)}/transcription-credentials`),
    postTranscript: async (contactId, event) => (await post<{ segments: TranscriptSegment[] }>(`/api/contacts/${id(contactId)}/transcript`, event)).segments,

    getCustomer: (customerId) => call<CustomerProfileView>(`/api/customers/${id(customerId)}`),
    customerHistory: (customerId, page = {}) => {
      return call<CustomerHistoryPage>(`/api/customers/${id(customerId)}/history${searchOf({ limit: page.limit, cursor: page.cursor })}`);
    },
    mergeCustomer: (customerId, otherCustomerId) => post<CustomerProfileView>(`/api/customers/${id(customerId)}/merge`, { customerId: otherCustomerId }),

    updateCustomerNotes: (customerId, patch) => call<Customer>(`/api/customers/${id(customerId)}`, { method: 'PATCH', body: patch }),
    listTopics: async () => (await call<{ topics: StoredTopic[] }>('/api/topics')).topics,
    createTopic: (name) => post<StoredTopic>('/api/topics', { name }),
    updateTopic: (topicId, patch) => call<StoredTopic>(`/api/topics/${id(topicId)}`, { method: 'PATCH', body: patch }),
    listQuickReplies: async (queueId) => (await call<{ quickReplies: StoredQuickReply[] }>(`/api/quick-replies${queueId ? `?queueId=${id(queueId)}` : ''}`)).quickReplies,
    createQuickReply: (reply) => post<StoredQuickReply>('/api/quick-replies', reply),
    updateQuickReply: (quickReplyId, patch) => call<StoredQuickReply>(`/api/quick-replies/${id(quickReplyId)}`, { method: 'PATCH', body: patch }),
    deleteQuickReply: async (quickReplyId) => void (await call<unknown>(`/api/quick-replies/${id(quickReplyId)}`, { method: 'DELETE' })),

    wallboard: () => call<Wallboard>('/api/wallboard'),
    liveCalls: async () => (await call<{ calls: Contact[] }>('/api/wallboard/calls')).calls,
    leaveCallAudio: async (contactId) => void (await post<unknown>(`/api/contacts/${id(contactId)}/audio/leave`)),
    liveChats: async () => (await call<{ chats: Contact[] }>('/api/wallboard/chats')).chats,
    whisper: async (contactId, request) => (await post<{ message: StoredMessage }>(`/api/contacts/${id(contactId)}/whisper`, request)).message,
    bargeChat: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/barge`),
    leaveChat: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/supervision/leave`),
    takeOver: (contactId) => post<Contact>(`/api/contacts/${id(contactId)}/take-over`),

    auditLog: (query = {}) => call<AuditPage>(`/api/audit${searchOf(query)}`),
    listUsers: async () => (await call<{ users: UserAdminView[] }>('/api/users')).users,
    createUser: (user) => post<UserAdminView & { temporaryPassword?: string }>('/api/users', user),
    updateUser: (userId, patch) => call<UserAdminView>(`/api/users/${id(userId)}`, { method: 'PATCH', body: patch }),
    disableUser: (userId) => post<UserAdminView>(`/api/users/${id(userId)}/disable`),
    wallboardKpis: () => call<{ tenant: KpiSnapshot; queues: KpiSnapshot[] }>('/api/wallboard/kpis'),
    // One read per session: every view that names metrics asks for it; a failed read is tried again next time.
    metricCatalog: () => (catalog ??= call<{ metrics: MetricView[]; timeZone: string }>('/api/metrics').catch((error: unknown) => {
      catalog = undefined;
      throw error;
    })),
    report: (query) => call<ReportPage>(`/api/reports${reportSearch(query)}`),
    reportCsv: (query, lang) => blob(`/api/reports${reportSearch(query, { format: 'csv', lang })}`),
    listPlans: async () => (await call<{ plans: Plan[] }>('/api/plans')).plans,
    createPlan: (plan) => post<Plan>('/api/plans', plan),
    updatePlan: (planId, patch) => call<Plan>(`/api/plans/${id(planId)}`, { method: 'PATCH', body: patch }),
    deletePlan: async (planId) => void (await call<unknown>(`/api/plans/${id(planId)}`, { method: 'DELETE' })),
    planAttainment: (query) => call<AttainmentPage>(`/api/plans/attainment${searchOf(query)}`),
    ...qaApi(call),
    ...scriptsApi(call),
    ...gamificationApi(call),
    ...teamChatApi(call),
    listPhoneNumbers: async () => (await call<{ phoneNumbers: PhoneNumberView[] }>('/api/phone-numbers')).phoneNumbers,
    getCallFlow: (phoneNumberId) => call<PhoneNumberFlow>(`/api/phone-numbers/${id(phoneNumberId)}/flow`),
    putCallFlow: (phoneNumberId, flow) => call<PhoneNumberFlow>(`/api/phone-numbers/${id(phoneNumberId)}/flow`, { method: 'PUT', body: flow }),
    listAlerts: async () => (await call<{ alerts: AlertRule[] }>('/api/alerts')).alerts,
    createAlert: (rule) => post<AlertRule>('/api/alerts', rule),
    updateAlert: (alertId, patch) => call<AlertRule>(`/api/alerts/${id(alertId)}`, { method: 'PATCH', body: patch }),
    deleteAlert: async (alertId) => void (await call<unknown>(`/api/alerts/${id(alertId)}`, { method: 'DELETE' })),
    alertNotices: async (limit = 30) => (await call<{ notices: AlertNotice[] }>(`/api/alerts/notices?limit=${limit}`)).notices,
    conversationAlerts: async (limit = 30) => (await call<{ alerts: ConversationAlert[] }>(`/api/analytics/alerts?limit=${limit}`)).alerts,
    getAnalyticsSettings: () => call<AnalyticsSettings>('/api/analytics/settings'),
    putAnalyticsSettings: (settings) => call<AnalyticsSettings>('/api/analytics/settings', { method: 'PUT', body: settings }),
    previewAnalysis: (request) => post<AnalysisResult>('/api/analytics/preview', request),
    getSurveySettings: async () => (await call<{ settings: SurveySettings }>('/api/surveys/settings')).settings,
    putSurveySettings: async (settings) => (await call<{ settings: SurveySettings }>('/api/surveys/settings', { method: 'PUT', body: settings })).settings,
  };
}
