/**
 * The simulator over HTTP, mounted at `/simulator` by the local runtime: the phone-like page
 * (`/simulator/`), its JSON API (`/simulator/api/…`, also handy in tests and with curl) and the fake
 * provider APIs our senders call (`/simulator/telegram|whatsapp|vk|viber/…`). Local only: there is
 * no authentication, the server listens on 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { lazySchema } from '@cc/shared/lazy-schema';
import { ZodError } from 'zod';
import { SIMULATED_KINDS, type SimulatedKind } from './channels.ts';
import { providerApiRoutes } from './provider-api.ts';
import { customerIdentity } from './personas.ts';
import { type ApiCall, type MessengerSimulator, SimulatorError } from './simulator.ts';

const uiFile = (name: string) => new URL(`./ui/${name}`, import.meta.url);
const UI_FILES: Record<string, string> = { 'simulator.js': 'text/javascript; charset=utf-8', 'simulator.css': 'text/css; charset=utf-8' };

const ForgerySchema = lazySchema(() => z.enum(['bad-signature', 'missing-signature']).optional());
const PersonaIdSchema = lazySchema(() => z.string().regex(/^[a-z0-9][a-z0-9_:-]{0,60}$/));
const SayRequestSchema = lazySchema(() => z.object({ personaId: PersonaIdSchema, text: z.string().trim().min(1).max(4096), forgery: ForgerySchema }));
const StartRequestSchema = lazySchema(() => z.object({ personaId: PersonaIdSchema, payload: z.string().max(64).optional(), forgery: ForgerySchema }));
const PressRequestSchema = lazySchema(() => z.object({ personaId: PersonaIdSchema, entryId: z.string().min(1), payload: z.string().min(1), forgery: ForgerySchema }));
/** A customer's file: bytes as base64 (up to 25 MB of them, so the contact center's own limit can be tried). */
const FileRequestSchema = lazySchema(() => z.object({
  personaId: PersonaIdSchema,
  fileName: z.string().trim().min(1).max(200),
  contentType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
  dataBase64: z.base64().max(35_000_000),
  caption: z.string().max(1024).optional(),
  forgery: ForgerySchema,
}));
const PersonaRequestSchema = lazySchema(() => z.object({ personaId: PersonaIdSchema }));
const FailureRequestSchema = lazySchema(() => z.object({
  mode: z.enum(['rate_limit', 'blocked', 'server_error']),
  times: z.number().int().min(1).max(20).optional(),
  retryAfterSeconds: z.number().int().min(1).max(120).optional(),
  /** Aim the switch at one chat, so another chat's send cannot use it up. */
  personaId: z.string().min(1).max(64).optional(),
  textIncludes: z.string().min(1).max(200).optional(),
}));
const NewPersonaSchema = lazySchema(() => z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/), name: z.string().trim().min(1).max(60) }));

async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let value: unknown;
  try {
    value = JSON.parse((await c.req.text()) || '{}');
  } catch {
    throw new SimulatorError(400, 'Body is not JSON');
  }
  return schema.parse(value);
}

/** An API call with the credentials masked, for showing on the page. */
function redactCall(call: ApiCall): ApiCall {
  const headers = { ...call.headers };
  if (headers.authorization) headers.authorization = 'Bearer ***';
  if (headers['x-viber-auth-token']) headers['x-viber-auth-token'] = '***';
  const params = { ...call.params };
  for (const key of ['secret_token', 'access_token']) if (key in params) params[key] = '***';
  return { ...call, headers, params, path: call.path.replace(/\/bot(\d+):[^/]+/, '/bot$1:***') };
}

/** The `/simulator/…` routes, to mount at the server's root; `sim` is the runtime's one simulator. */
export function simulatorRoutes(sim: MessengerSimulator) {
  const api = new Hono()
    .get('/state', async (c) => {
      const order = (kind: string) => SIMULATED_KINDS.indexOf(kind as SimulatedKind);
      const channels = (await sim.listChannels()).sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name));
      return c.json({
        revision: sim.revision,
        personas: sim.listPersonas(),
        channels: channels.map((channel) => {
          const registered = sim.registeredWebhook(channel.channelId);
          return {
            channelId: channel.channelId,
            kind: channel.kind,
            name: channel.name,
            webhookUrl: sim.webhookOf(channel).url,
            registered: registered ? { url: registered.url, at: registered.at } : null,
            failures: sim.pendingFailures(channel.channelId),
            canSign: Object.keys(channel.secrets).length > 0,
          };
        }),
      });
    })
    .post('/personas', async (c) => {
      const { id, name } = await body(c, NewPersonaSchema);
      return c.json(sim.persona(id, name), 201);
    })
    .get('/channels/:channelId/chats/:personaId', async (c) => {
      const channelId = c.req.param('channelId');
      const personaId = c.req.param('personaId');
      await sim.channel(channelId);
      const since = Number(c.req.query('since') ?? 0) || 0;
      return c.json({ revision: sim.revision, identity: customerIdentity(sim.persona(personaId), channelId), entries: sim.transcript(channelId, personaId, since) });
    })
    .post('/channels/:channelId/messages', async (c) => {
      const { personaId, text, forgery } = await body(c, SayRequestSchema);
      const { entry, webhook } = await sim.say(c.req.param('channelId'), personaId, text, forgery ? { forgery } : {});
      return c.json({ entry, webhook });
    })
    .post('/channels/:channelId/files', async (c) => {
      const { personaId, fileName, contentType, dataBase64, caption, forgery } = await body(c, FileRequestSchema);
      const file = { fileName, contentType, bytes: new Uint8Array(Buffer.from(dataBase64, 'base64')), caption };
      const { entry, webhook } = await sim.sendFile(c.req.param('channelId'), personaId, file, forgery ? { forgery } : {});
      return c.json({ entry, webhook });
    })
    .post('/channels/:channelId/start', async (c) => {
      const { personaId, payload, forgery } = await body(c, StartRequestSchema);
      const result = await sim.start(c.req.param('channelId'), personaId, { ...(payload ? { payload } : {}), ...(forgery ? { forgery } : {}) });
      return c.json(result ? { entry: result.entry, webhook: result.webhook } : { entry: null, webhook: null });
    })
    .post('/channels/:channelId/press', async (c) => {
      const { personaId, entryId, payload, forgery } = await body(c, PressRequestSchema);
      const { entry, webhook } = await sim.press(c.req.param('channelId'), personaId, entryId, payload, forgery ? { forgery } : {});
      return c.json({ entry, webhook });
    })
    .post('/channels/:channelId/read', async (c) => {
      const { personaId } = await body(c, PersonaRequestSchema);
      return c.json({ reported: await sim.read(c.req.param('channelId'), personaId) });
    })
    .post('/channels/:channelId/failures', async (c) => {
      const { mode, times, retryAfterSeconds, personaId, textIncludes } = await body(c, FailureRequestSchema);
      const channelId = c.req.param('channelId');
      await sim.channel(channelId);
      sim.failNext(channelId, mode, { ...(times ? { times } : {}), ...(retryAfterSeconds ? { retryAfterSeconds } : {}), ...(personaId ? { personaId } : {}), ...(textIncludes ? { textIncludes } : {}) });
      return c.json({ failures: sim.pendingFailures(channelId) }, 201);
    })
    .delete('/channels/:channelId/failures', async (c) => {
      const channelId = c.req.param('channelId');
      sim.clearFailures(channelId);
      return c.json({ failures: [] });
    })
    // A file a customer sent or our side delivered, as the page shows it (and VK and Viber link to it).
    .get('/files/:fileId', (c) => {
      const file = sim.file(c.req.param('fileId'));
      if (!file) throw new SimulatorError(404, `No file ${c.req.param('fileId')}`);
      const image = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(file.contentType);
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': file.contentType,
        'content-disposition': `${image ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      });
    })
    .get('/channels/:channelId/calls', async (c) => c.json({ calls: sim.calls(c.req.param('channelId')).map(redactCall) }))
    .post('/channels/:channelId/handshake', async (c) => {
      const { ok, expected, outcome } = await sim.handshake(c.req.param('channelId'));
      return c.json({ ok, expected: expected === undefined ? null : ok ? expected : '(hidden)', outcome });
    });

  // Mounted at the root with explicit paths, so the page answers at `/simulator/` (a Hono sub-app's `/` would be `/simulator`).
  return new Hono()
    .get('/simulator', (c) => c.redirect('/simulator/'))
    .get('/simulator/', (c) => c.html(readFileSync(uiFile('index.html'), 'utf8')))
    .get('/simulator/assets/:file', (c) => {
      const file = c.req.param('file');
      const type = UI_FILES[file];
      if (!type) return c.notFound();
      return c.body(readFileSync(uiFile(file), 'utf8'), 200, { 'content-type': type, 'cache-control': 'no-cache' });
    })
    .route('/simulator/api', api)
    .route('/simulator', providerApiRoutes(sim))
    .onError((error, c) => {
      if (error instanceof ZodError) {
        return c.json({ title: 'Bad Request', status: 400, detail: error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ') }, 400);
      }
      if (error instanceof SimulatorError) return c.json({ title: error.status === 404 ? 'Not Found' : 'Bad Request', status: error.status, detail: error.message }, error.status as 400);
      return c.json({ title: 'Internal Server Error', status: 500, detail: error.message }, 500);
    });
}
