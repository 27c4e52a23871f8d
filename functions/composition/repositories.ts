/**
 * Every repository over one DynamoDB client, for the compositions that use them all (the HTTP API, the stream
 * processor, the local runtime, tests). Narrower functions build their few repositories over `awsTable` instead,
 * since some repositories import zod models (conversations, messages) that build their schemas at import.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from './config.ts';
import { systemClock } from './deps.ts';
import { documentTable } from './aws-adapters.ts';
import { DynamoAgentRepository } from '../adapters/dynamo/agent-repository.ts';
import { DynamoDirectoryRepository } from '../adapters/dynamo/directory-repository.ts';
import { DynamoQueueRepository } from '../adapters/dynamo/queue-repository.ts';
import { DynamoConnectionRepository } from '../adapters/dynamo/connection-repository.ts';
import { DynamoContactRepository } from '../adapters/dynamo/contact-repository.ts';
import { DynamoRoutingRepository } from '../adapters/dynamo/routing-repository.ts';
import { DynamoMessagingRepository } from '../adapters/dynamo/messaging-repository.ts';
import { DynamoCustomerRepository } from '../adapters/dynamo/customer-repository.ts';
import { DynamoWidgetKeyRepository } from '../adapters/dynamo/widget-key-repository.ts';
import { DynamoRateLimiter } from '../adapters/dynamo/rate-limiter.ts';
import { DynamoVisitorHeartbeats } from '../adapters/dynamo/visitor-heartbeats.ts';
import { DynamoCallRepository } from '../adapters/dynamo/call-repository.ts';
import { DynamoAuditLog } from '../adapters/dynamo/audit-repository.ts';
import { DynamoTranscriptRepository } from '../adapters/dynamo/transcript-repository.ts';
import { DynamoQuickReplyRepository, DynamoTopicRepository, DynamoSurveySettingsRepository } from '../adapters/dynamo/wrap-up-repositories.ts';
import { DynamoMetricsRepository } from '../adapters/dynamo/metrics-repository.ts';
import { DynamoTimelineRepository } from '../adapters/dynamo/timeline-repository.ts';
import { DynamoAlertRepository } from '../adapters/dynamo/alert-repository.ts';
import { DynamoScriptRepository } from '../adapters/dynamo/script-repository.ts';
import { DynamoGamificationRepository } from '../adapters/dynamo/gamification-repository.ts';
import { DynamoTeamChatRepository } from '../adapters/dynamo/team-chat-repository.ts';
import { DynamoPlanRepository } from '../adapters/dynamo/plan-repository.ts';
import { DynamoAnalysisRepository } from '../adapters/dynamo/analysis-repository.ts';
import { DynamoAnalyticsSettingsRepository, DynamoConversationAlertRepository } from '../adapters/dynamo/analytics-repository.ts';
import { DynamoQaEvaluationRepository, DynamoQaFormRepository } from '../adapters/dynamo/qa-repository.ts';

/** Repositories over one DynamoDB client; shared by the AWS and local compositions. */
export function createRepositories(dynamodb: DynamoDBClient, tableName: string) {
  const table = documentTable(dynamodb, tableName);
  return {
    dynamodb,
    table,
    agents: new DynamoAgentRepository(table),
    directory: new DynamoDirectoryRepository(table),
    queues: new DynamoQueueRepository(table),
    connections: new DynamoConnectionRepository(table),
    contacts: new DynamoContactRepository(table),
    messaging: new DynamoMessagingRepository(table),
    customers: new DynamoCustomerRepository(table),
    widgetKeys: new DynamoWidgetKeyRepository(table),
    routing: new DynamoRoutingRepository(table),
    rateLimiter: new DynamoRateLimiter(table),
    visitorHeartbeats: new DynamoVisitorHeartbeats(table),
    calls: new DynamoCallRepository(table),
    transcripts: new DynamoTranscriptRepository(table),
    audit: new DynamoAuditLog(table),
    topics: new DynamoTopicRepository(table),
    quickReplies: new DynamoQuickReplyRepository(table),
    surveySettings: new DynamoSurveySettingsRepository(table),
    metrics: new DynamoMetricsRepository(table),
    timeline: new DynamoTimelineRepository(table),
    alerts: new DynamoAlertRepository(table),
    plans: new DynamoPlanRepository(table),
    analyses: new DynamoAnalysisRepository(table),
    analyticsSettings: new DynamoAnalyticsSettingsRepository(table),
    conversationAlerts: new DynamoConversationAlertRepository(table),
    qaForms: new DynamoQaFormRepository(table),
    qaEvaluations: new DynamoQaEvaluationRepository(table),
    scripts: new DynamoScriptRepository(table),
    gamification: new DynamoGamificationRepository(table),
    teamChat: new DynamoTeamChatRepository(table),
  };
}

/** Configuration, the clock and every repository, over the region's DynamoDB. */
export function awsRepositories(config: Config) {
  return { config, clock: systemClock, ...createRepositories(new DynamoDBClient({ region: config.AWS_REGION }), config.TABLE_NAME) };
}
