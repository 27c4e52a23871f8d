/**
 * Every key format of the single table. Partition keys start with the tenant (`T#<tenantId>`) so
 * no query can reach another tenant's items; the entity type is in the key so one table holds all.
 */
const t = (tenantId: string) => `T#${tenantId}`;

export const keys = {
  tenant: (tenantId: string) => ({ pk: t(tenantId), sk: 'TENANT' }),

  user: (tenantId: string, userId: string) => ({ pk: `${t(tenantId)}#USER`, sk: `USER#${userId}` }),
  usersOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#USER` }),
  /** gsi1: a login is unique across tenants, so the login form needs no tenant. */
  userLogin: (login: string) => ({ gsi1pk: `LOGIN#${login.toLowerCase()}`, gsi1sk: 'USER' }),
  /** A login taken by a tenant, written first when an admin creates a user (the one key outside a tenant: logins are global). */
  loginClaim: (login: string) => ({ pk: `LOGIN#${login.toLowerCase()}`, sk: 'CLAIM' }),

  agent: (tenantId: string, agentId: string) => ({ pk: `${t(tenantId)}#AGENT`, sk: `AGENT#${agentId}` }),
  agentsOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#AGENT` }),
  /** An agent's day log (pattern 41): a status span from its start, keyed by when it began and what it was; TTL 40 days. */
  agentStatusEntry: (tenantId: string, agentId: string, since: string, status: string) => ({ pk: `${t(tenantId)}#AGENTLOG#${agentId}`, sk: `STATUS#${since}#${status}` }),
  /** An agent's day log: one agent's part in one contact, keyed by when it reached them; TTL 40 days. */
  agentContactEntry: (tenantId: string, agentId: string, startedAt: string, contactId: string) => ({ pk: `${t(tenantId)}#AGENTLOG#${agentId}`, sk: `CONTACT#${startedAt}#${contactId}` }),
  agentLogOf: (tenantId: string, agentId: string) => ({ pk: `${t(tenantId)}#AGENTLOG#${agentId}`, statusPrefix: 'STATUS#', contactPrefix: 'CONTACT#' }),

  queue: (tenantId: string, queueId: string) => ({ pk: `${t(tenantId)}#QUEUE`, sk: `QUEUE#${queueId}` }),
  queuesOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#QUEUE` }),

  /** A wrap-up topic; all of a tenant's in one partition (a few dozen). */
  topic: (tenantId: string, topicId: string) => ({ pk: `${t(tenantId)}#TOPIC`, sk: `TOPIC#${topicId}` }),
  topicsOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#TOPIC` }),
  /** The tenant's survey settings (one item; absent means the defaults). */
  surveySettings: (tenantId: string) => ({ pk: t(tenantId), sk: 'SURVEYS' }),
  /** A quick reply (tenant-wide or a queue's); all of a tenant's in one partition (bounded, see quick-replies/values.ts). */
  quickReply: (tenantId: string, quickReplyId: string) => ({ pk: `${t(tenantId)}#QREPLY`, sk: `QREPLY#${quickReplyId}` }),
  quickRepliesOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#QREPLY` }),

  channel: (tenantId: string, channelId: string) => ({ pk: `${t(tenantId)}#CHANNEL`, sk: `CHANNEL#${channelId}` }),
  channelsOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#CHANNEL` }),
  /** gsi1: webhooks carry only the channel id in their path. */
  channelLookup: (channelId: string) => ({ gsi1pk: `CHANNEL#${channelId}`, gsi1sk: 'CHANNEL' }),

  phoneNumber: (tenantId: string, e164: string) => ({ pk: `${t(tenantId)}#PHONE`, sk: `PHONE#${e164}` }),
  /** Only the numbers: their call flows share the partition. */
  phoneNumbersOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#PHONE`, skPrefix: 'PHONE#' }),
  /** gsi1: an inbound call carries only the dialled number. */
  phoneNumberLookup: (e164: string) => ({ gsi1pk: `PHONE#${e164}`, gsi1sk: 'PHONE' }),
  /** A number's call flow, beside the number. */
  callFlow: (tenantId: string, e164: string) => ({ pk: `${t(tenantId)}#PHONE`, sk: `FLOW#${e164}` }),
  /** One phone call's flow state, keyed by the provider's call id (the SMA transaction id); TTL 2 days. */
  call: (tenantId: string, callId: string) => ({ pk: `${t(tenantId)}#CALL#${callId}`, sk: 'CALL' }),

  contact: (tenantId: string, contactId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: 'CONTACT' }),
  /** One segment of a call's transcript, beside its contact (its own item: the contact item stays small however long the call). */
  transcriptSegment: (tenantId: string, contactId: string, segmentId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: `TRANSCRIPT#${segmentId}` }),
  transcriptOf: (tenantId: string, contactId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, skPrefix: 'TRANSCRIPT#' }),
  /** The last beat of a call from the site's visitor page, beside its contact (its own item: beats never touch the contact). */
  visitorHeartbeat: (tenantId: string, contactId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: 'HEARTBEAT' }),
  /** A contact's conversation analysis, beside its contact (pattern 44). */
  conversationAnalysis: (tenantId: string, contactId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: 'ANALYSIS' }),
  /** One search entry of an analysis: one per flagged category plus `all`, in the UTC day the contact closed (pattern 44). */
  analysisEntry: (tenantId: string, day: string, category: string, closedAt: string, contactId: string) => ({ pk: `${t(tenantId)}#ANALYSIS#${day}`, sk: `${category}#${closedAt}#${contactId}` }),
  analysisDay: (tenantId: string, day: string) => ({ pk: `${t(tenantId)}#ANALYSIS#${day}` }),
  /** The tenant's analytics settings: its rules, thresholds and alert recipients. */
  analyticsSettings: (tenantId: string) => ({ pk: `${t(tenantId)}#ANALYTICS`, sk: 'SETTINGS' }),
  /** An alert about a contact, beside it, one per trigger (the key makes a second one a no-op)… */
  conversationAlert: (tenantId: string, contactId: string, trigger: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: `ALERT#${trigger}` }),
  /** …and listed for the tenant newest first through gsi1. */
  conversationAlertListed: (tenantId: string, at: string, alertId: string) => ({ gsi1pk: `${t(tenantId)}#CONVERSATIONALERTS`, gsi1sk: `${at}#${alertId}` }),
  conversationAlertsOf: (tenantId: string) => ({ gsi1pk: `${t(tenantId)}#CONVERSATIONALERTS` }),
  /** gsi2, sparse: present only while the contact waits, so the index holds exactly the queue. */
  waitingContact: (tenantId: string, queueId: string, enqueuedAt: string, contactId: string) => ({ gsi2pk: `${t(tenantId)}#QUEUE#${queueId}#WAITING`, gsi2sk: `${enqueuedAt}#${contactId}` }),
  waitingInQueue: (tenantId: string, queueId: string) => ({ gsi2pk: `${t(tenantId)}#QUEUE#${queueId}#WAITING` }),
  /** gsi2, sparse: a contact transferred to a named agent waits in that agent's own list instead of the queue's. */
  waitingForAgent: (tenantId: string, agentId: string, enqueuedAt: string, contactId: string) => ({ gsi2pk: `${t(tenantId)}#AGENT#${agentId}#WAITING`, gsi2sk: `${enqueuedAt}#${contactId}` }),
  waitingForAgentOf: (tenantId: string, agentId: string) => ({ gsi2pk: `${t(tenantId)}#AGENT#${agentId}#WAITING` }),
  /** gsi1, sparse: present only while offered, so the wallboard counts offers in flight as still waiting. */
  offeredInQueue: (tenantId: string, queueId: string, enqueuedAt: string, contactId: string) => ({ gsi1pk: `${t(tenantId)}#QUEUE#${queueId}#OFFERED`, gsi1sk: `${enqueuedAt}#${contactId}` }),
  offeredOfQueue: (tenantId: string, queueId: string) => ({ gsi1pk: `${t(tenantId)}#QUEUE#${queueId}#OFFERED` }),
  /** gsi2, sparse: a contact an agent holds (offered, connected, after-contact work), so their console can list it after a reload. */
  heldContact: (tenantId: string, agentId: string, enqueuedAt: string, contactId: string) => ({ gsi2pk: `${t(tenantId)}#AGENT#${agentId}#HELD`, gsi2sk: `${enqueuedAt}#${contactId}` }),
  heldByAgent: (tenantId: string, agentId: string) => ({ gsi2pk: `${t(tenantId)}#AGENT#${agentId}#HELD` }),
  /** A queue's daily counters (wallboard, service level, handle times), split in shards so concurrent accepts rarely collide. */
  queueDayStats: (tenantId: string, queueId: string, date: string, shard: number) => ({ pk: `${t(tenantId)}#QSTATS#${queueId}`, sk: `DAY#${date}#S#${shard}` }),
  queueStatsOfDay: (tenantId: string, queueId: string, date: string) => ({ pk: `${t(tenantId)}#QSTATS#${queueId}`, skPrefix: `DAY#${date}#` }),
  /** gsi3: a customer's contacts across channels, oldest first. */
  customerContact: (tenantId: string, customerId: string, createdAt: string, contactId: string) => ({ gsi3pk: `${t(tenantId)}#CUSTOMER#${customerId}`, gsi3sk: `CONTACT#${createdAt}#${contactId}` }),

  // Messaging (docs/data-model.md, patterns 20-29).
  /** One webhook item, keyed by channel, kind and the provider's dedup key; TTL 8 days (the idempotency record). */
  inbox: (tenantId: string, channelId: string, kind: string, dedupKey: string) => ({ pk: `${t(tenantId)}#INBOX#${channelId}#${kind}#${dedupKey}`, sk: 'INBOX' }),
  conversation: (tenantId: string, conversationId: string) => ({ pk: `${t(tenantId)}#CONV#${conversationId}`, sk: 'CONVERSATION' }),
  message: (tenantId: string, messageId: string) => ({ pk: `${t(tenantId)}#MSG#${messageId}`, sk: 'MESSAGE' }),
  /** gsi2 (overloaded): a contact's messages in time order. */
  contactMessage: (tenantId: string, contactId: string, sentAt: string, messageId: string) => ({ gsi2pk: `${t(tenantId)}#CONTACT#${contactId}#MESSAGES`, gsi2sk: `${sentAt}#${messageId}` }),
  contactMessages: (tenantId: string, contactId: string) => ({ gsi2pk: `${t(tenantId)}#CONTACT#${contactId}#MESSAGES` }),
  /** gsi3: a customer's messages, beside their contacts (360° view). */
  customerMessage: (tenantId: string, customerId: string, sentAt: string, messageId: string) => ({ gsi3pk: `${t(tenantId)}#CUSTOMER#${customerId}`, gsi3sk: `MSG#${sentAt}#${messageId}` }),
  customerItems: (tenantId: string, customerId: string) => ({ gsi3pk: `${t(tenantId)}#CUSTOMER#${customerId}` }),
  /** A provider's reference to one of our messages (its message id, VK random_id) → our message id. */
  messageRef: (tenantId: string, channelId: string, ref: string) => ({ pk: `${t(tenantId)}#MSGREF#${channelId}#${ref}`, sk: 'MSGREF' }),
  /** One send attempt of one of our messages; TTL 7 days. */
  outbox: (tenantId: string, messageId: string, attempt: number) => ({ pk: `${t(tenantId)}#OUTBOX#${messageId}`, sk: `OUTBOX#${attempt}` }),
  customer: (tenantId: string, customerId: string) => ({ pk: `${t(tenantId)}#CUSTOMER#${customerId}`, sk: 'CUSTOMER' }),
  /** gsi1: customers sharing a phone number (merge suggestions). */
  customerPhone: (tenantId: string, e164: string, customerId: string) => ({ gsi1pk: `${t(tenantId)}#CUSTOMER_PHONE#${e164}`, gsi1sk: `CUSTOMER#${customerId}` }),
  customersWithPhone: (tenantId: string, e164: string) => ({ gsi1pk: `${t(tenantId)}#CUSTOMER_PHONE#${e164}` }),
  /** A merge record under the customer it involved, in time order (undo needs who, when and the links before). */
  customerMerge: (tenantId: string, customerId: string, at: string, mergeId: string) => ({ pk: `${t(tenantId)}#CUSTOMER#${customerId}`, sk: `MERGE#${at}#${mergeId}` }),

  /** The tenant's web chat widget token signing key (encrypted with the secrets cipher), created on first use. */
  widgetSigningKey: (tenantId: string) => ({ pk: `${t(tenantId)}#WIDGET`, sk: 'SIGNING_KEY#1' }),

  /** One administrative change, in time order under the tenant; TTL 400 days (docs/administration.md). */
  auditEntry: (tenantId: string, at: string, entryId: string) => ({ pk: `${t(tenantId)}#AUDIT`, sk: `AT#${at}#${entryId}` }),
  auditOf: (tenantId: string) => ({ pk: `${t(tenantId)}#AUDIT`, skPrefix: 'AT#' }),

  /** One fixed window of a rate limit's counter (`key` names what is limited); TTL one window past its end. */
  rateWindow: (tenantId: string, key: string, windowStart: number) => ({ pk: `${t(tenantId)}#RATE#${key}`, sk: `WINDOW#${windowStart}` }),

  connection: (tenantId: string, connectionId: string) => ({ pk: `${t(tenantId)}#CONN`, sk: `CONN#${connectionId}` }),
  connectionsOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#CONN` }),
  /** gsi1: `$disconnect` carries only the connection id. */
  connectionLookup: (connectionId: string) => ({ gsi1pk: `CONN#${connectionId}`, gsi1sk: 'CONN' }),

  // Metrics (docs/data-model.md, pattern 40; docs/metrics.md).
  /** One shard of a dimension value's measures in a 15-minute interval (`I#<start>`) or a local day (`D#<date>`). */
  metricCell: (tenantId: string, dimension: string, value: string, period: string, shard: number) => ({ pk: `${t(tenantId)}#METRIC#${dimension}#${value}`, sk: `${period}#S#${shard}` }),
  metricCellsOf: (tenantId: string, dimension: string, value: string) => ({ pk: `${t(tenantId)}#METRIC#${dimension}#${value}` }),
  /** A stream record already folded into the metrics (the idempotency mark); TTL 3 days, beyond the stream's 24 h. */
  metricMark: (tenantId: string, recordId: string) => ({ pk: `${t(tenantId)}#METRICMARK#${recordId}`, sk: 'MARK' }),
  /** A KPI plan (pattern 42); all of a tenant's in one partition (at most PLAN_LIMITS.perTenant), keyed by the plan's id. */
  plan: (tenantId: string, planId: string) => ({ pk: `${t(tenantId)}#PLAN`, sk: `PLAN#${planId}` }),
  plansOfTenant: (tenantId: string) => ({ pk: `${t(tenantId)}#PLAN`, skPrefix: 'PLAN#' }),

  // Quality evaluation (docs/data-model.md, pattern 45; docs/qa.md).
  /** A QA form; all of a tenant's in one partition (at most QA_LIMITS.formsPerTenant) beside the QA settings. */
  qaForm: (tenantId: string, formId: string) => ({ pk: `${t(tenantId)}#QA`, sk: `FORM#${formId}` }),
  qaFormsOf: (tenantId: string) => ({ pk: `${t(tenantId)}#QA`, skPrefix: 'FORM#' }),
  qaSettings: (tenantId: string) => ({ pk: `${t(tenantId)}#QA`, sk: 'SETTINGS' }),
  /** A contact's evaluation on one form, beside its contact (one per contact and form). */
  qaEvaluation: (tenantId: string, contactId: string, formId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: `QA#${formId}` }),
  qaEvaluationsOfContact: (tenantId: string, contactId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, skPrefix: 'QA#' }),
  /** gsi1: one agent's evaluations by when they were made. */
  qaEvaluationsOfAgent: (tenantId: string, agentId: string) => ({ gsi1pk: `${t(tenantId)}#QAAGENT#${agentId}` }),
  /** gsi2: the tenant's evaluations by when they were made (QA volumes: tens a day per supervisor). */
  qaEvaluationsOfTenant: (tenantId: string) => ({ gsi2pk: `${t(tenantId)}#QAEVAL` }),
  qaEvaluatedAt: (evaluatedAt: string, evaluationId: string) => `AT#${evaluatedAt}#${evaluationId}`,

  // Call scripts (docs/data-model.md, pattern 46; docs/scripts.md).
  /** A script's current content; all of a tenant's in one partition (at most SCRIPT_LIMITS.perTenant). */
  script: (tenantId: string, scriptId: string) => ({ pk: `${t(tenantId)}#SCRIPT`, sk: `SCRIPT#${scriptId}` }),
  scriptsOf: (tenantId: string) => ({ pk: `${t(tenantId)}#SCRIPT`, skPrefix: 'SCRIPT#' }),
  /** A saved version, never changed; numbered with leading zeros so the partition lists them in order. */
  scriptVersion: (tenantId: string, scriptId: string, version: number) => ({ pk: `${t(tenantId)}#SCRIPT#${scriptId}`, sk: `V#${String(version).padStart(6, '0')}` }),
  scriptVersionsOf: (tenantId: string, scriptId: string) => ({ pk: `${t(tenantId)}#SCRIPT#${scriptId}`, skPrefix: 'V#' }),
  /** One agent's own wording of the script's steps. */
  scriptWording: (tenantId: string, scriptId: string, agentId: string) => ({ pk: `${t(tenantId)}#SCRIPT#${scriptId}`, sk: `WORDING#${agentId}` }),
  /** A contact's run through one script, beside its contact. */
  scriptRun: (tenantId: string, contactId: string, scriptId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, sk: `SCRIPTRUN#${scriptId}` }),
  scriptRunsOfContact: (tenantId: string, contactId: string) => ({ pk: `${t(tenantId)}#CONTACT#${contactId}`, skPrefix: 'SCRIPTRUN#' }),
  /** One counter of a version's funnel: `STEP#<id>`, `EDGE#<from>#<answer|next>` or `PATH#<key>#<outcome|~>`. */
  scriptFunnelCell: (tenantId: string, scriptId: string, version: number, cell: string) => ({ pk: `${t(tenantId)}#SCRIPTFUNNEL#${scriptId}#${version}`, sk: cell }),
  scriptFunnelOf: (tenantId: string, scriptId: string, version: number) => ({ pk: `${t(tenantId)}#SCRIPTFUNNEL#${scriptId}#${version}` }),

  // Team chat (docs/data-model.md, pattern 47; docs/team-chat.md).
  /** A room's message under its room, sorted by when it was sent (`<sentAt>#<messageId>`): newest-first pages need no index. */
  teamMessage: (tenantId: string, roomId: string, position: string) => ({ pk: `${t(tenantId)}#TEAMROOM#${roomId}`, sk: `MSG#${position}` }),
  teamMessagesOf: (tenantId: string, roomId: string) => ({ pk: `${t(tenantId)}#TEAMROOM#${roomId}`, skPrefix: 'MSG#' }),
  /** A sender's client message id in a room, naming the message it stored (the idempotency record); TTL 8 days. */
  teamMessageClaim: (tenantId: string, roomId: string, senderId: string, clientMessageId: string) => ({ pk: `${t(tenantId)}#TEAMROOM#${roomId}`, sk: `CLIENT#${senderId}#${clientMessageId}` }),
  /** How far a user read a room; one partition per user, so their rooms (the direct ones among them) are one query. */
  teamReadMarker: (tenantId: string, userId: string, roomId: string) => ({ pk: `${t(tenantId)}#TEAMREAD#${userId}`, sk: `ROOM#${roomId}` }),
  teamReadMarkersOf: (tenantId: string, userId: string) => ({ pk: `${t(tenantId)}#TEAMREAD#${userId}`, skPrefix: 'ROOM#' }),

  // Gamification (docs/data-model.md, pattern 48; docs/gamification.md).
  /** A tenant's own achievement rule, or its change of a built-in one; rules, quests and settlements share one partition. */
  achievementRule: (tenantId: string, ruleId: string) => ({ pk: `${t(tenantId)}#GAME`, sk: `RULE#${ruleId}` }),
  quest: (tenantId: string, questId: string) => ({ pk: `${t(tenantId)}#GAME`, sk: `QUEST#${questId}` }),
  gameOf: (tenantId: string) => ({ pk: `${t(tenantId)}#GAME`, rulePrefix: 'RULE#', questPrefix: 'QUEST#' }),
  /** A closed period whose end-of-period rules have been judged. */
  gameSettlement: (tenantId: string, period: string, periodKey: string) => ({ pk: `${t(tenantId)}#GAME`, sk: `SETTLED#${period}#${periodKey}` }),
  /** One award: a period's awards in one partition (the board reads the team's), an agent's under its prefix. */
  award: (tenantId: string, period: string, periodKey: string, agentId: string, source: string) => ({ pk: `${t(tenantId)}#AWARDS#${period}#${periodKey}`, sk: `${agentId}#${source}` }),
  awardsOf: (tenantId: string, period: string, periodKey: string) => ({ pk: `${t(tenantId)}#AWARDS#${period}#${periodKey}` }),
  /** An agent's points in a day, week or month, added in the award's transaction. */
  agentPoints: (tenantId: string, period: string, periodKey: string, agentId: string) => ({ pk: `${t(tenantId)}#POINTS#${period}#${periodKey}`, sk: agentId }),
  pointsOf: (tenantId: string, period: string, periodKey: string) => ({ pk: `${t(tenantId)}#POINTS#${period}#${periodKey}` }),

  // Alerts (docs/data-model.md, pattern 43; docs/alerts.md).
  /** A tenant's alert rule with its watch state (one partition: the tenant's rules are one query). */
  alertRule: (tenantId: string, alertId: string) => ({ pk: `${t(tenantId)}#ALERT`, sk: `ALERT#${alertId}` }),
  alertRulesOf: (tenantId: string) => ({ pk: `${t(tenantId)}#ALERT` }),
  /** One crossing told to a rule's recipients, in time order; TTL 90 days. */
  alertNotice: (tenantId: string, at: string, noticeId: string) => ({ pk: `${t(tenantId)}#ALERTNOTICE`, sk: `AT#${at}#${noticeId}` }),
  alertNoticesOf: (tenantId: string) => ({ pk: `${t(tenantId)}#ALERTNOTICE` }),
  /** The local runtime's outbox of SMS and e-mail (never in AWS): every message, in time order across tenants. */
  localOutboxMessage: (at: string, messageId: string) => ({ pk: 'LOCAL#OUTBOX', sk: `AT#${at}#${messageId}` }),
  localOutbox: () => ({ pk: 'LOCAL#OUTBOX' }),
  /** The local runtime's note that a part of the demo (its history, plans, alert rule) was seeded once (never in AWS). */
  localDemoSeeded: (tenantId: string, part: string) => ({ pk: `${t(tenantId)}#DEMO`, sk: `SEEDED#${part}` }),
} as const;

/** Entity type stored on every item, so stream consumers can dispatch without parsing keys. */
export type EntityType = 'tenant' | 'user' | 'agent' | 'queue' | 'channel' | 'phoneNumber' | 'connection' | 'contact' | 'message' | 'customer' | 'outbox' | 'idempotency' | 'queueStats' | 'conversation' | 'messageRef' | 'widgetKey' | 'customerMerge' | 'rateCounter' | 'call' | 'callFlow' | 'transcriptSegment' | 'topic' | 'quickReply' | 'auditEntry' | 'loginClaim' | 'visitorHeartbeat' | 'metricCell' | 'metricMark' | 'agentStatusEntry' | 'agentContactEntry' | 'alertRule' | 'alertNotice' | 'localOutboxMessage' | 'plan' | 'localDemoSeeded' | 'conversationAnalysis' | 'analysisEntry' | 'surveySettings' | 'qaForm' | 'qaSettings' | 'qaEvaluation' | 'analyticsSettings' | 'conversationAlert' | 'script' | 'scriptVersion' | 'scriptWording' | 'scriptRun' | 'scriptFunnelCell' | 'achievementRule' | 'quest' | 'gameSettlement' | 'award' | 'agentPoints' | 'teamMessage' | 'teamMessageClaim' | 'teamReadMarker';
