import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../composition/deps.ts';
import type { Services } from '../composition/services.ts';
import { authenticate, type AuthEnv } from './auth.ts';
import { withUserAccess } from '../auth/user-access.ts';
import { problemResponse, renderError } from './problem.ts';
import { bodySizeLimit, pathIdLimits } from './input-limits.ts';
import { agentRoutes } from './routes/agents.ts';
import { contactRoutes, wallboardRoutes } from './routes/contacts.ts';
import { callAudioRoutes, liveCallRoutes } from './routes/call-audio.ts';
import { transcriptRoutes } from './routes/transcripts.ts';
import { chatSupervisionRoutes } from './routes/chat-supervision.ts';
import { auditRoutes } from './routes/audit.ts';
import { callHoldRoutes } from './routes/call-hold.ts';
import { directoryRoutes } from './routes/directory.ts';
import { userRoutes } from './routes/users.ts';
import { channelAdminRoutes } from './routes/channels.ts';
import { phoneNumberRoutes } from './routes/phone-numbers.ts';
import { queueAdminRoutes } from './routes/queues.ts';
import { messagingRoutes } from './routes/messaging.ts';
import { UPLOAD_PATH, attachmentRoutes } from './routes/attachments.ts';
import { MAX_OUTBOUND_FILE_BYTES } from '@cc/shared/media/outbound';
import { webhookRoutes } from './routes/webhooks.ts';
import { widgetConsoleRoutes, widgetRoutes, widgetScriptRoute } from './routes/widget.ts';
import { quickReplyRoutes, topicRoutes } from './routes/wrap-up.ts';
import { surveyRoutes } from './routes/surveys.ts';
import { metricRoutes } from './routes/metrics.ts';
import { alertRoutes } from './routes/alerts.ts';
import { planRoutes } from './routes/plans.ts';
import { analyticsRoutes } from './routes/analytics.ts';
import { analyticsSettingsRoutes } from './routes/analytics-settings.ts';
import { qaRoutes } from './routes/qa.ts';
import { scriptRoutes } from './routes/scripts.ts';
import { gamificationRoutes } from './routes/gamification.ts';
import { teamChatRoutes } from './routes/team-chat.ts';

/** A named readiness probe reported by `GET /health`. */
export type HealthCheck = () => Promise<boolean>;

export interface AppOptions {
  /** Extra probes besides DynamoDB (the local runtime adds its stream poller). */
  healthChecks?: Record<string, HealthCheck>;
}

/**
 * The HTTP API: the same Hono app runs behind API Gateway (Lambda) and on the local server.
 * Every `/api` route needs a verified token and reads only the caller's tenant.
 */
export function createApp(deps: Deps, services: Services, options: AppOptions = {}) {
  // Authentication is attached per route (not `/api/*`), so an unknown path is a 404, not a 401.
  const auth = authenticate(withUserAccess(deps.verifier, deps.directory));
  const wrapUp = topicRoutes(deps, services, auth);
  const game = gamificationRoutes(deps, services, auth);
  const api = new Hono<AuthEnv>()
    .route('/', directoryRoutes(deps, auth))
    .route('/', channelAdminRoutes(deps, services, auth))
    .route('/', phoneNumberRoutes(deps, services, auth))
    .route('/', queueAdminRoutes(deps, services, auth))
    .route('/agents', agentRoutes(deps, services, auth))
    .route('/users', userRoutes(deps, services, auth))
    .route('/contacts', contactRoutes(deps, services, auth))
    .route('/contacts', wrapUp.completion)
    .route('/topics', wrapUp.topics)
    .route('/quick-replies', quickReplyRoutes(deps, services, auth))
    .route('/contacts', callAudioRoutes(services, auth))
    .route('/contacts', transcriptRoutes(deps, services, auth))
    .route('/contacts', callHoldRoutes(services, auth))
    .route('/contacts', chatSupervisionRoutes(deps, services, auth))
    .route('/wallboard', liveCallRoutes(services, auth))
    .route('/wallboard', wallboardRoutes(services, auth))
    .route('/', messagingRoutes(deps, auth))
    .route('/', attachmentRoutes(deps, auth))
    .route('/', widgetConsoleRoutes(services, auth))
    .route('/audit', auditRoutes(services, auth))
    .route('/', metricRoutes(deps, services, auth))
    .route('/alerts', alertRoutes(deps, services, auth))
    .route('/plans', planRoutes(deps, services, auth))
    .route('/analytics', analyticsRoutes(deps, services, auth))
    .route('/analytics', analyticsSettingsRoutes(deps, services, auth))
    .route('/surveys', surveyRoutes(deps, services, auth))
    .route('/qa', qaRoutes(deps, services, auth))
    .route('/scripts', scriptRoutes(deps, services, auth))
    .route('/achievements', game.achievements)
    .route('/quests', game.quests)
    .route('/leaderboard', game.leaderboard)
    .route('/team-chat', teamChatRoutes(deps, services, auth));

  const checks: Record<string, HealthCheck> = {
    dynamodb: async () => (await deps.dynamodb.send(new DescribeTableCommand({ TableName: deps.config.TABLE_NAME }))).Table?.TableStatus === 'ACTIVE',
    ...options.healthChecks,
  };
  const origins = deps.config.WEB_ORIGIN?.split(',').map((o) => o.trim()).filter(Boolean);

  return new Hono()
    .use(requestId())
    // CORS first, so the console can read a 400 or 413 from the limits below.
    .use('/api/*', cors({ origin: origins?.length ? origins : '*', allowHeaders: ['authorization', 'content-type'], allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] }))
    // Ids and bodies are checked before any route reads the table (limits in @cc/shared/limits/input).
    .use('/api/*', pathIdLimits(), bodySizeLimit([{ method: 'POST', path: UPLOAD_PATH, maxSize: MAX_OUTBOUND_FILE_BYTES }]))
    .use('/webhooks/*', pathIdLimits(), bodySizeLimit())
    .use('/widget/*', pathIdLimits(), bodySizeLimit())
    .get('/health', async (c) => {
      const results = Object.fromEntries(
        await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, (await check().catch(() => false)) ? 'ok' : 'failing'] as const)),
      );
      const healthy = Object.values(results).every((r) => r === 'ok');
      return c.json({ status: healthy ? 'ok' : 'unavailable', ...results }, healthy ? 200 : 503);
    })
    .route('/api', api)
    // Messenger webhooks: no token, each provider's own authentication (see routes/webhooks.ts).
    .route('/webhooks', webhookRoutes(deps, services))
    // The web chat widget: its script for any page, its API for the channel's allowed origins (CORS per channel).
    .route('/', widgetScriptRoute())
    .route('/widget', widgetRoutes(deps, services))
    .notFound((c) => problemResponse({ type: 'urn:problem:not-found', title: 'Not Found', status: 404, detail: `No route for ${c.req.method} ${c.req.path}` }))
    .onError(renderError);
}
