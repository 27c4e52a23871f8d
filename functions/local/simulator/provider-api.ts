/**
 * The fake provider APIs our senders call in local mode, one base URL per provider (see
 * `simulatorApiBaseUrls`). Each provider's routes live in `<provider>/api.ts`: they check
 * credentials as the provider does, record the call, and answer with the provider's documented
 * success or error bodies (../shared/wire/), or with the failure a switch asked for. This module
 * mounts them and holds what they share.
 */
import { Hono, type Context } from 'hono';
import type { SimulatedChannel, SimulatedKind } from './channels.ts';
import type { FailureMode, FailureSwitch } from './failures.ts';
import type { ProviderHost, SimulatedFile } from './provider.ts';
import { sha256Hex } from './files.ts';

/** The senders' base URLs for a simulator mounted at `<baseUrl>/simulator`. */
export function simulatorApiBaseUrls(baseUrl: string) {
  const root = `${baseUrl.replace(/\/+$/, '')}/simulator`;
  return {
    TELEGRAM_API_BASE_URL: `${root}/telegram`,
    WHATSAPP_API_BASE_URL: `${root}/whatsapp`,
    VK_API_BASE_URL: `${root}/vk`,
    VIBER_API_BASE_URL: `${root}/viber`,
  };
}

/** The routes of every fake provider API, each under `/<kind>`; mount under `/simulator`. */
export function providerApiRoutes(sim: ProviderHost) {
  const routes = new Hono();
  for (const provider of sim.providers()) {
    const api = provider.api?.();
    if (api) routes.route(`/${provider.kind}`, api);
  }
  return routes;
}

/** A provider API call's parameters. */
export type Params = Record<string, unknown>;

/** A file part of a multipart request, as the provider received it. */
export type UploadedPart = SimulatedFile;

/**
 * Parameters as a provider reads them: query string plus a JSON, form-encoded or multipart body. A
 * multipart file part is recorded in `params` by its name, type, size and SHA-256 (so a test can
 * compare it with what was sent), and handed over whole in `files`.
 */
export async function readParams(c: Context): Promise<{ params: Params; invalidJson: boolean; files: Record<string, UploadedPart> }> {
  const params: Params = Object.fromEntries(new URL(c.req.url).searchParams);
  const files: Record<string, UploadedPart> = {};
  if (c.req.method === 'GET') return { params, invalidJson: false, files };
  const type = c.req.header('content-type') ?? '';
  if (type.includes('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => undefined);
    if (!form) return { params, invalidJson: true, files };
    for (const [name, value] of Object.entries(form)) {
      if (typeof value === 'string') {
        params[name] = value;
        continue;
      }
      const file = value as File;
      const bytes = new Uint8Array(await file.arrayBuffer());
      files[name] = { fileName: file.name, contentType: file.type || 'application/octet-stream', bytes };
      params[name] = { file: file.name, type: file.type, size: bytes.byteLength, sha256: sha256Hex(bytes) };
    }
    return { params, invalidJson: false, files };
  }
  const text = await c.req.text();
  if (type.includes('application/json')) {
    try {
      const body: unknown = JSON.parse(text || '{}');
      return { params: { ...params, ...(typeof body === 'object' && body !== null ? (body as Params) : {}) }, invalidJson: false, files };
    } catch {
      return { params, invalidJson: true, files };
    }
  }
  if (type.includes('application/x-www-form-urlencoded')) return { params: { ...params, ...Object.fromEntries(new URLSearchParams(text)) }, invalidJson: false, files };
  return { params, invalidJson: false, files };
}

/** A value that may arrive as JSON text (form-encoded Telegram/VK parameters). */
export function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** A parameter as a string (numbers too, as providers accept ids either way). */
export const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);

const headersOf = (c: Context) => Object.fromEntries(Object.entries(c.req.header()).map(([key, value]) => [key.toLowerCase(), value]));

/** What a recorded API call was: the provider, the authenticated channel, the method and its parameters. */
export interface CallInfo {
  kind: SimulatedKind;
  channel?: SimulatedChannel | undefined;
  method: string;
  params: Params;
  failure?: FailureSwitch | undefined;
}

/** Records the call and answers it with `body` as JSON. */
export function answerCall(sim: ProviderHost, c: Context, call: CallInfo, status: number, body: string) {
  sim.recordCall({
    kind: call.kind,
    ...(call.channel ? { channelId: call.channel.channelId } : {}),
    method: call.method,
    httpMethod: c.req.method,
    path: new URL(c.req.url).pathname,
    headers: headersOf(c),
    params: call.params,
    status,
    response: body,
    ...(call.failure ? { failure: call.failure.mode } : {}),
  });
  return c.body(body, status as 200, { 'content-type': 'application/json' });
}

/** How a provider words each switched failure, `[ru, en]`. */
export type RefusalTexts = Record<FailureMode, readonly [string, string]>;

/** A chat note explaining a switched failure, in Russian and English. */
export function failureText(failure: FailureSwitch, provider: readonly [string, string], texts: RefusalTexts, text: string): { ru: string; en: string } {
  const [ru, en] = texts[failure.mode];
  return { ru: `${provider[0]}: не доставлено, ${ru} — «${text}»`, en: `${provider[1]}: not delivered, ${en} — “${text}”` };
}
