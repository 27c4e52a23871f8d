import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '@cc/shared/errors';
import { PreChatFormSchema, VisitorCallbackSchema, VisitorMessageSchema, VisitorReceiptSchema, WidgetSessionRequestSchema, type VisitorClaims } from '@cc/shared/widget/model';
import type { Deps } from '../../composition/deps.ts';
import type { Services } from '../../composition/services.ts';
import { bearerToken } from '../../auth/token-verifier.ts';
import type { ResolvedChannel } from '../../messaging/channel-resolver.ts';
import { isOriginAllowed } from '../../widget/channel-access.ts';
import { callsEnabled } from '../../widget/calls.ts';
import { VisitorCallRequestSchema } from '@cc/shared/widget/calls';
import { WIDGET_SCRIPT, WIDGET_SCRIPT_ETAG } from '../../widget/widget-script.generated.ts';
import type { AuthEnv } from '../auth.ts';
import { readJson } from '../body.ts';
import { problemResponse } from '../problem.ts';

type WidgetEnv = { Variables: { resolved: ResolvedChannel; visitor: VisitorClaims } };

/** Visitor requests are small: a message is at most 4096 characters. */
const MAX_WIDGET_BODY_BYTES = 64 * 1024;
/** How long a browser may reuse a preflight answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/** The WebSocket URL widgets connect to: `PUBLIC_WS_URL`, else `/ws` on the API's own host (the local server). */
function wsUrlFor(deps: Pick<Deps, 'config'>, requestUrl: string): string {
  if (deps.config.PUBLIC_WS_URL) return deps.config.PUBLIC_WS_URL;
  const url = new URL(requestUrl);
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}/ws`;
}

/** Where widgets load the call script: `WIDGET_CALL_SCRIPT_URL` (the console's CDN in AWS), else `/widget-call/call.js` on the API's host (the local server). */
function callScriptUrlFor(deps: Pick<Deps, 'config'>, requestUrl: string): string {
  return deps.config.WIDGET_CALL_SCRIPT_URL ?? new URL('/widget-call/call.js', requestUrl).href;
}

/**
 * The widget's public API, `/widget/:channelId/…`, for pages on the channel's allowed origins only:
 * each request's `Origin` is checked against the channel's `settings.allowedOrigins` and CORS is
 * answered per channel (preflights included); a foreign origin gets 403 without CORS headers, so the
 * browser hides the answer too. Everything but `status` and `sessions` needs the visitor token from
 * `sessions`; a console token is refused (401), and a visitor reaches only their own conversation (404).
 */
export function widgetRoutes(deps: Pick<Deps, 'config'>, services: Pick<Services, 'channels' | 'visitorTokens' | 'widget' | 'widgetCalls'>) {
  const { channels, widget, widgetCalls } = services;

  const channelAccess = createMiddleware<WidgetEnv>(async (c, next) => {
    const channelId = c.req.param('channelId') ?? '';
    const resolved = await channels.resolve(channelId);
    if (!resolved || resolved.channel.kind !== 'webchat') throw new NotFoundError('Channel', channelId);
    const origin = c.req.header('origin');
    if (!isOriginAllowed(resolved.channel, origin)) throw new ForbiddenError(`Origin ${origin} may not use this widget; add it to the channel's allowedOrigins`);
    const cors: Record<string, string> = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS) });
    }
    c.set('resolved', resolved);
    await next();
    // Set on whatever answered, errors included, so the widget can read a 400's fields.
    for (const [name, value] of Object.entries(cors)) c.res.headers.set(name, value);
  });

  const visitorAuth = createMiddleware<WidgetEnv>(async (c, next) => {
    const { channel } = c.get('resolved');
    const visitor = await services.visitorTokens.verify(bearerToken(c.req.header('authorization')), { tenantId: channel.tenantId });
    if (visitor.channelId !== channel.channelId || visitor.tenantId !== channel.tenantId) throw new UnauthenticatedError('The visitor token is for another widget');
    c.set('visitor', visitor);
    await next();
  });

  return new Hono<WidgetEnv>()
    .use('/:channelId/*', channelAccess)
    .use(
      '/:channelId/*',
      bodyLimit({
        maxSize: MAX_WIDGET_BODY_BYTES,
        onError: () => problemResponse({ type: 'urn:problem:payload-too-large', title: 'Payload Too Large', status: 413, detail: `Widget requests are limited to ${MAX_WIDGET_BODY_BYTES} bytes` }),
      }),
    )
    .get('/:channelId/status', async (c) => {
      const { channel } = c.get('resolved');
      return c.json({ ...(await widget.status(channel)), ...(callsEnabled(channel) && { callScriptUrl: callScriptUrlFor(deps, c.req.url) }) });
    })
    .post('/:channelId/sessions', async (c) => {
      const { token } = await readJson(c, WidgetSessionRequestSchema);
      const session = await widget.startSession(c.get('resolved').channel, token);
      return c.json({ ...session, wsUrl: wsUrlFor(deps, c.req.url) }, 201);
    })
    .post('/:channelId/prechat', visitorAuth, async (c) => {
      const form = await readJson(c, PreChatFormSchema);
      return c.json(await widget.submitPreChat(c.get('visitor'), c.get('resolved').channel, form));
    })
    .get('/:channelId/conversations/:conversationId', visitorAuth, async (c) => c.json(await widget.state(c.get('visitor'), c.req.param('conversationId'))))
    .get('/:channelId/conversations/:conversationId/messages', visitorAuth, async (c) => c.json({ messages: await widget.history(c.get('visitor'), c.req.param('conversationId')) }))
    .post('/:channelId/conversations/:conversationId/messages', visitorAuth, async (c) => {
      const message = await readJson(c, VisitorMessageSchema);
      const result = await widget.sendMessage(c.get('visitor'), c.get('resolved'), c.req.param('conversationId'), message);
      return c.json(result, result.duplicate ? 200 : 202);
    })
    .post('/:channelId/conversations/:conversationId/typing', visitorAuth, async (c) => c.json({ delivered: await widget.visitorTyping(c.get('visitor'), c.req.param('conversationId')) }, 202))
    .post('/:channelId/conversations/:conversationId/receipts', visitorAuth, async (c) => {
      const receipt = await readJson(c, VisitorReceiptSchema);
      return c.json(await widget.receipts(c.get('visitor'), c.get('resolved'), c.req.param('conversationId'), receipt), 202);
    })
    .post('/:channelId/callbacks', visitorAuth, async (c) => {
      const request = await readJson(c, VisitorCallbackSchema);
      const { contact, created } = await widget.requestCallback(c.get('visitor'), c.get('resolved').channel, request);
      return c.json({ contactId: contact.contactId, status: contact.status, queueId: contact.queueId, callback: contact.callback }, created ? 201 : 200);
    })
    // Calls from the site: one live call per visitor; the answer carries the visitor's ticket to the call's audio.
    .post('/:channelId/calls', visitorAuth, async (c) => {
      const request = await readJson(c, VisitorCallRequestSchema);
      return c.json(await widgetCalls.place(c.get('visitor'), c.get('resolved').channel, request), 201);
    })
    .get('/:channelId/calls/:contactId', visitorAuth, async (c) => c.json(await widgetCalls.view(c.get('visitor'), c.req.param('contactId'))))
    .post('/:channelId/calls/:contactId/heartbeat', visitorAuth, async (c) => c.json(await widgetCalls.heartbeat(c.get('visitor'), c.req.param('contactId'))))
    .post('/:channelId/calls/:contactId/hangup', visitorAuth, async (c) => c.json(await widgetCalls.hangUp(c.get('visitor'), c.req.param('contactId'))));
}

/**
 * `GET /widget.js`: the self-contained widget script for `<script src=…/widget.js data-channel=…>`.
 * Any page may load it (a script needs no CORS); what it may do is checked per channel.
 */
export function widgetScriptRoute() {
  return new Hono().get('/widget.js', (c) => {
    if (c.req.header('if-none-match') === WIDGET_SCRIPT_ETAG) return c.body(null, 304, { etag: WIDGET_SCRIPT_ETAG });
    return c.body(WIDGET_SCRIPT, 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      etag: WIDGET_SCRIPT_ETAG,
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'cross-origin',
    });
  });
}

/** `POST /api/contacts/:contactId/typing`: the agent types in a web chat; the visitor sees dots (202, `delivered`). */
export function widgetConsoleRoutes(services: Pick<Services, 'widget'>, auth: MiddlewareHandler<AuthEnv>) {
  return new Hono<AuthEnv>().post('/contacts/:contactId/typing', auth, async (c) => c.json({ delivered: await services.widget.agentTyping(c.get('principal'), c.req.param('contactId')) }, 202));
}
