/**
 * Builds every service of a process once, from its adapters: routing (engine, commands, timers, read models),
 * the customer notifier, the channel resolver, inbound messaging, visitor tokens and the visitor gate, and the widget
 * service. The full set (`root.ts`: the HTTP API, the local runtime, tests) and each narrower function composition
 * (`functions/composition/functions/`) use the same area builders; handlers take what they need from the result,
 * so caches (channels, visitor keys) are shared by everything in the process.
 */
import type { CustomerNotifier, VoiceDialer } from '@cc/shared/contacts/ports';
import type { Deps } from './deps.ts';
import { MessagingCustomerNotifier } from '../messaging/customer-notifier.ts';
import { ChannelResolver } from '../messaging/channel-resolver.ts';
import { InboundService } from '../messaging/inbound.ts';
import { ChatSurveys } from '../surveys/chat-surveys.ts';
import { WidgetService } from '../widget/service.ts';
import { WidgetCalls } from '../widget/calls.ts';
import { ChatSupervision } from '../messaging/chat-supervision.ts';
import { CallAudioAccess } from '../voice/audio-access.ts';
import { CallbackDialer } from '../voice/callback-dialer.ts';
import { LiveCalls } from '../voice/live-calls.ts';
import type { VisitorTokens } from '../widget/visitor-tokens.ts';
import type { VisitorGate } from '../widget/visitor-gate.ts';
import { createRoutingServices, type RoutingServices } from './routing-services.ts';
import { createVisitorServices } from './visitor-services.ts';
import { TranscriptService } from '../voice/transcripts.ts';
import { AuditTrail } from '../admin/audit-trail.ts';
import { MetricReports } from '../metrics/reports.ts';
import { PlanAttainments } from '../metrics/plan-attainment.ts';
import { AgentTimelines } from '../timeline/agent-timelines.ts';
import { AlertEvaluator } from '../alerts/evaluator.ts';
import { KpiTiles } from '../metrics/kpi-tiles.ts';
import { QaEvaluations } from '../qa/evaluations.ts';
import { AgentQualityReports } from '../qa/agent-reports.ts';
import { ConversationAnalyser } from '../analytics/analyser.ts';
import { ScriptLibrary } from '../scripts/script-library.ts';
import { ScriptRuns } from '../scripts/script-runs.ts';
import { RuleBook } from '../gamification/rule-book.ts';
import { AwardJudge } from '../gamification/award-judge.ts';
import { GameBoards } from '../gamification/boards.ts';
import { TeamChat } from '../team-chat/team-chat.ts';

export type { RoutingServices } from './routing-services.ts';

/** What the services read and write: every adapter but the console token verifier and the user identities, which only handlers use. */
export type ServiceDeps = Omit<Deps, 'verifier' | 'identities'>;

export interface Services {
  routing: RoutingServices;
  /** Queue positions and the out-of-hours reply, through the contact's own channel. */
  notifier: CustomerNotifier;
  /** Channels and their opened secrets, cached per process (webhooks, the widget, senders, `$connect`). */
  channels: ChannelResolver;
  /** Webhook inbox records into customers, conversations, contacts and messages. */
  inbound: InboundService;
  /** Surveys after chats: sent when a handled chat closes, answers recorded on the closed contact. */
  surveys: ChatSurveys;
  visitorTokens: VisitorTokens;
  visitorGate: VisitorGate;
  widget: WidgetService;
  /** Calls from the site: the widget's call button. */
  widgetCalls: WidgetCalls;
  /** Tickets to calls' audio meetings for agents and supervisors. */
  callAudio: CallAudioAccess;
  /** Dials accepted callbacks: `deps.dialer` when the process gives one, else the paced dialer over `callControl`. */
  dialer: VoiceDialer;
  /** Call transcripts: Transcribe events in (the agent's browser in AWS, the scripted caller locally), segments out. */
  transcripts: TranscriptService;
  /** The tenant's connected calls, for supervisors. */
  liveCalls: LiveCalls;
  /** Supervisors in live chats: whisper, barge, leave. */
  chatSupervision: ChatSupervision;
  /** Administrative changes recorded for admins to read. */
  audit: AuditTrail;
  /** KPI reports over the stored aggregates. */
  reports: MetricReports;
  /** KPI plans as each caller sees them, and their attainment over the stored aggregates. */
  plans: PlanAttainments;
  /** Agents' days: statuses as a strip and the contacts handled. */
  timelines: AgentTimelines;
  /** KPI alert rules evaluated as their figures change. */
  alerts: AlertEvaluator;
  /** The wallboard's KPI tiles: today per queue and for the tenant, served and pushed. */
  kpis: KpiTiles;
  /** Quality evaluation: pre-answered forms, evaluations and their comments, the day's sample. */
  qa: QaEvaluations;
  /** One agent's quality over a period beside the team's: scores, analytics categories, phrases, surveys. */
  agentReports: AgentQualityReports;
  /** Every ended conversation analysed under the tenant's rules, live contacts watched, alerts raised. */
  analyser: ConversationAnalyser;
  /** Call scripts as supervisors edit them (versioned, audited) and agents word them. */
  scriptLibrary: ScriptLibrary;
  /** Scripts followed on contacts: runs, steps, drops and the funnels of versions. */
  scriptRuns: ScriptRuns;
  /** Achievement rules (built-in and the tenant's) and quests, as admins and supervisors edit them. */
  ruleBook: RuleBook;
  /** Achievements and quests judged over the KPI aggregates, on the stream and when periods close. */
  awardJudge: AwardJudge;
  /** Agents' achievements and progress, the leaderboard and the board's fresh awards. */
  gameBoards: GameBoards;
  /** The team chat: rooms, messages, mentions, read markers, direct rooms and search (docs/team-chat.md). */
  teamChat: TeamChat;
}

/** Every service over `deps`, each built once; they keep `deps` itself, not a copy. */
export function createServices(deps: ServiceDeps): Services {
  const notifier = new MessagingCustomerNotifier(deps);
  const alerts = new AlertEvaluator(deps);
  const routing = createRoutingServices(deps, notifier, alerts);
  const channels = new ChannelResolver(deps);
  const visitors = createVisitorServices(deps, channels);
  const widget = new WidgetService(deps, { tokens: visitors.visitorTokens, commands: routing.commands, queries: routing.queries });
  const reports = new MetricReports(deps);
  const surveys = new ChatSurveys(deps, routing.commands);
  const analyser = new ConversationAnalyser(deps);
  const audit = new AuditTrail(deps);
  const ruleBook = new RuleBook(deps, audit);
  const awardJudge = new AwardJudge(deps, ruleBook, reports);
  return {
    routing,
    notifier,
    channels,
    inbound: new InboundService(deps, channels, surveys),
    surveys,
    ...visitors,
    widget,
    widgetCalls: new WidgetCalls(deps, { widget, commands: routing.commands, queries: routing.queries, presence: routing.visitors }),
    callAudio: new CallAudioAccess(deps, routing.commands),
    liveCalls: new LiveCalls(deps),
    chatSupervision: new ChatSupervision(deps, routing.commands),
    dialer: deps.dialer ?? new CallbackDialer(deps, routing.changes),
    transcripts: new TranscriptService(deps, analyser),
    audit,
    reports,
    plans: new PlanAttainments(deps, reports),
    timelines: new AgentTimelines(deps),
    alerts,
    kpis: new KpiTiles(deps),
    qa: new QaEvaluations(deps),
    agentReports: new AgentQualityReports(deps),
    analyser,
    scriptLibrary: new ScriptLibrary(deps, audit),
    scriptRuns: new ScriptRuns(deps),
    ruleBook,
    awardJudge,
    gameBoards: new GameBoards(deps, ruleBook, awardJudge),
    teamChat: new TeamChat(deps, routing.queries),
  };
}
