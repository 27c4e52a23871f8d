/**
 * What every handler and service is built from: the adapters of one process, all of them chosen by a
 * composition (AWS: `root.ts`; local: `functions/local/contact-center.ts`; tests: `test/deps.ts`). Services are
 * built from these once, by `createServices` (`services.ts`).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AgentRepository } from '@cc/shared/agents/ports';
import type { ContactRepository, RoutingRepository, Timers, VoiceDialer } from '@cc/shared/contacts/ports';
import type { QueueRepository } from '@cc/shared/queues/ports';
import type { ConnectionRepository, RealtimePush } from '@cc/shared/realtime/ports';
import type { DirectoryRepository, SecretCipher } from '@cc/shared/tenancy/ports';
import type { MessagingRepository } from '@cc/shared/conversations/ports';
import type { CustomerRepository } from '@cc/shared/customers/ports';
import type { RateLimiter } from '@cc/shared/limits/ports';
import type { DeliveryQueue } from '@cc/shared/delivery/ports';
import type { MediaQueue, MediaStore } from '@cc/shared/media/ports';
import type { ProviderMediaClient } from '../adapters/media/provider-media.ts';
import type { VisitorHeartbeats, WidgetKeyRepository } from '@cc/shared/widget/ports';
import type { AuditLog } from '@cc/shared/audit/ports';
import type { CallControl, CallRepository, MeetingRooms, StreamingCredentialIssuer, TranscriptRepository } from '@cc/shared/voice/ports';
import type { TopicRepository } from '@cc/shared/wrap-up/ports';
import type { SurveySettingsRepository } from '@cc/shared/surveys/ports';
import type { QuickReplyRepository } from '@cc/shared/quick-replies/ports';
import type { MetricsRepository } from '@cc/shared/metrics/ports';
import type { AlertNotifier, AlertRepository } from '@cc/shared/alerts/ports';
import type { UserIdentities } from '@cc/shared/users/ports';
import type { AgentTimelineRepository } from '@cc/shared/timeline/ports';
import type { PlanRepository } from '@cc/shared/plans/ports';
import type { ScriptRepository } from '@cc/shared/scripts/ports';
import type { GamificationRepository } from '@cc/shared/gamification/ports';
import type { TeamChatRepository } from '@cc/shared/team-chat/ports';
import type { ConversationAnalysisRepository, AnalyticsSettingsRepository, ConversationAlertRepository } from '@cc/shared/analytics/ports';
import type { QaEvaluationRepository, QaFormRepository } from '@cc/shared/qa/ports';
import type { Config } from './config.ts';
import type { DynamoTable } from '../adapters/dynamo/table.ts';
import type { TokenVerifier } from '../auth/token-verifier.ts';
import type { MessengerSenders } from '../adapters/messengers/index.ts';

/** Clock port: the domain never reads the system time directly. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  config: Config;
  clock: Clock;
  dynamodb: DynamoDBClient;
  table: DynamoTable;
  agents: AgentRepository;
  directory: DirectoryRepository;
  queues: QueueRepository;
  connections: ConnectionRepository;
  contacts: ContactRepository;
  /** Routing's consistent reads and its one-transaction commits of contact, agent and counters. */
  routing: RoutingRepository;
  /** Conversations, messages, the webhook inbox and the outbox. */
  messaging: MessagingRepository;
  customers: CustomerRepository;
  /** Wrap-up topics and quick replies of each tenant. */
  topics: TopicRepository;
  quickReplies: QuickReplyRepository;
  /** Each tenant's survey settings (chats on or off, texts, NPS, the reply window). */
  surveySettings: SurveySettingsRepository;
  /** KPI aggregates per 15-minute interval and local day (docs/metrics.md). */
  metrics: MetricsRepository;
  /** KPI alert rules with their watch state, and the notices they sent. */
  alerts: AlertRepository;
  /**
   * Sends alert SMS and e-mail (AWS: SNS and SES, in the stream processor; locally the outbox at `/local/outbox`).
   * Unset, notices are recorded as not sent.
   */
  alertNotifier?: AlertNotifier;
  /** KPI plans: targets per tenant, queue or agent for a day or a month (docs/metrics.md#plans). */
  plans: PlanRepository;
  /** Each closed contact's conversation analysis and the search over them (docs/analytics.md). */
  analyses: ConversationAnalysisRepository;
  /** Each tenant's own analytics rules, thresholds and alert recipients. */
  analyticsSettings: AnalyticsSettingsRepository;
  /** Alerts about problem conversations (escalation requests, agent profanity, very low loyalty). */
  conversationAlerts: ConversationAlertRepository;
  /** Call scripts, their versions, agents' wordings, runs and funnels (docs/scripts.md). */
  scripts: ScriptRepository;
  /** Achievement rules, quests, awards and points (docs/gamification.md). */
  gamification: GamificationRepository;
  /** The team chat's messages and read markers (docs/team-chat.md). */
  teamChat: TeamChatRepository;
  /** Quality evaluation forms and settings, and the evaluations made on them (docs/qa.md). */
  qaForms: QaFormRepository;
  qaEvaluations: QaEvaluationRepository;
  /** Each tenant's encrypted visitor-token signing key. */
  widgetKeys: WidgetKeyRepository;
  /** Counters of the public routes' limits (callback requests). */
  rateLimiter: RateLimiter;
  /** The last beat of each call from the site's visitor page. */
  visitorHeartbeats: VisitorHeartbeats;
  push: RealtimePush;
  cipher: SecretCipher;
  verifier: TokenVerifier;
  /** Console users' sign-in identities (AWS: the Cognito user pool on `USER_POOL_ID`; locally the table's password hashes). */
  identities: UserIdentities;
  /** Messenger HTTP clients (Telegram, WhatsApp, VK, Viber) at the configured base URLs. */
  senders: MessengerSenders;
  /** Routing timers (AWS: SQS on `TIMER_QUEUE_URL`, else logged and dropped; locally in-process). */
  timers: Timers;
  /** Phone calls' flow state and the numbers' call flows. */
  calls: CallRepository;
  /** Call transcripts, segment by segment beside their contacts. */
  transcripts: TranscriptRepository;
  /** Administrative changes, who made them and the records before and after. */
  audit: AuditLog;
  /** Each agent's day log: statuses entered and contacts handled (written off the stream, read by the timeline). */
  timeline: AgentTimelineRepository;
  /** The telephony provider's control of live calls (AWS: the SIP media application, when deployed; locally the emulator). */
  callControl: CallControl;
  /** Audio meetings for calls (AWS: Chime SDK meetings; locally WebRTC rooms). */
  meetings: MeetingRooms;
  /** Short-lived Transcribe streaming credentials for the agent's browser (AWS, with `TRANSCRIBE_ROLE_ARN`); absent locally. */
  streamingCredentials?: StreamingCredentialIssuer;
  /**
   * Stands in for the callback dialer (`services.dialer`), which is otherwise built over `callControl`: in AWS without
   * a SIP media application (each dial is logged), and the tests' recorder.
   */
  dialer?: VoiceDialer;
  /**
   * The outbound delivery queue (AWS: SQS on `DELIVERY_QUEUE_URL`; locally in-process). Unset, the outbox
   * reaction delivers inline with one provider call and transient failures are recorded as failed.
   */
  delivery?: DeliveryQueue;
  /**
   * Customers' files: where copies are stored, the provider client that fetches them and the download
   * queue (AWS: SQS; locally in-process). Each function gets the parts it uses (the stream processor the
   * queue, the API the store, media-download both store and client). Without a queue, a function that has
   * store and client downloads inline off the stream; without any, attachments stay provider references.
   */
  media?: { store?: MediaStore; provider?: ProviderMediaClient; queue?: MediaQueue };
}
