/**
 * Test helpers: a simulator wired in-process (no sockets) to the real senders, and a recording
 * stand-in for our webhook endpoints when a test has no contact center behind them.
 */
import type { Hono } from 'hono';
import { type MessengerSenders, createMessengerSenders } from '../../adapters/messengers/index.ts';
import type { RetryPolicy } from '../../adapters/messengers/retry.ts';
import { type ChannelSource, type SimulatedChannel, staticChannelSource } from './channels.ts';
import { simulatorRoutes } from './http.ts';
import { simulatorApiBaseUrls } from './provider-api.ts';
import { MessengerSimulator, type SimulatorOptions } from './simulator.ts';

/** The base URL test simulators pretend to live at; requests to it never leave the process. */
export const TEST_BASE_URL = 'http://simulator.test';

/** One channel of each simulated kind with fixed, valid secrets (shaped like the demo seed's). */
export function testChannels(webhookBaseUrl = 'http://contact-center.test'): SimulatedChannel[] {
  const channel = (kind: SimulatedChannel['kind'], channelId: string, name: string, secrets: Record<string, string>, settings: Record<string, unknown> = {}): SimulatedChannel => ({
    channelId,
    kind,
    name,
    webhookUrl: `${webhookBaseUrl}/webhooks/${kind}/${channelId}`,
    secrets,
    settings,
  });
  return [
    channel('telegram', 'tg-test', 'Telegram @romashka_bot', { botToken: '7012345678:AAF-test-token-not-real-0123456789', secretToken: 'acme_tg_Secret-2024_x9' }, { botUsername: 'romashka_bot' }),
    channel('whatsapp', 'wa-test', 'WhatsApp +7 495 123-45-67', { accessToken: 'EAAtestTokenNotReal', appSecret: 'wa-test-app-secret-5d1c9e', verifyToken: 'acme-verify-7Qx', phoneNumberId: '106540352242922' }, { phoneNumberId: '106540352242922' }),
    channel('vk', 'vk-test', 'ВКонтакте «Ромашка»', { accessToken: 'vk1.a.test-token-not-real', secret: 'vkSecret4Acme2024', confirmation: 'a1b2c3d4', groupId: '218765432' }, { groupId: '218765432' }),
    channel('viber', 'vb-test', 'Viber Ромашка', { token: '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b' }),
    channel('yandex', 'ya-test', 'Навык Алисы «Ромашка»', { skillId: '3ad36498-f5rd-4079-a14b-788652932056' }),
  ];
}

/** A `fetch` that serves `app` in-process for URLs under `baseUrl` and hands everything else to `fallback`. */
export function routeFetch(baseUrl: string, app: Hono, fallback: typeof fetch): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${baseUrl}/`)) return app.request(input instanceof Request ? input : url, init);
    return fallback(input, init);
  }) as typeof fetch;
}

/** A webhook call the recording receiver got. */
export interface ReceivedWebhook {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * A stand-in for our webhook endpoints: records each call and answers as `respond` says (default:
 * 200 `ok`, which satisfies every provider including VK).
 */
export function recordingReceiver(respond: (request: ReceivedWebhook) => { status?: number; body?: string } = () => ({})) {
  const received: ReceivedWebhook[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const call: ReceivedWebhook = { method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: request.method === 'GET' ? '' : await request.text() };
    received.push(call);
    const answer = respond(call);
    return new Response(answer.body ?? 'ok', { status: answer.status ?? 200 });
  }) as typeof fetch;
  return { received, fetch: fetchImpl };
}

/** A simulator on `channels`, its HTTP routes, and senders that reach it in-process; retries never sleep. */
export function createTestSimulator(
  options: Omit<Partial<SimulatorOptions>, 'channels'> & { channels?: SimulatedChannel[] | ChannelSource; webhookFetch?: typeof fetch; retry?: Partial<RetryPolicy> } = {},
) {
  const receiver = recordingReceiver();
  const { channels = testChannels(), webhookFetch = receiver.fetch, retry, ...rest } = options;
  const source = Array.isArray(channels) ? staticChannelSource(channels) : channels;
  // The fake providers' own links (VK upload servers, files) point at the simulator; Viber's media fetches go wherever the link says.
  let fetchImpl: typeof fetch = webhookFetch;
  const sim = new MessengerSimulator({ autoDeliver: false, publicBaseUrl: TEST_BASE_URL, mediaFetch: (input, init) => fetchImpl(input, init), ...rest, channels: source, fetch: webhookFetch });
  const app = simulatorRoutes(sim);
  fetchImpl = routeFetch(TEST_BASE_URL, app, webhookFetch);
  const urls = simulatorApiBaseUrls(TEST_BASE_URL);
  const delays: number[] = [];
  const policy: Partial<RetryPolicy> = { sleep: async (ms) => void delays.push(ms), random: () => 0.5, ...retry };
  const senders: MessengerSenders = createMessengerSenders({
    telegram: { baseUrl: urls.TELEGRAM_API_BASE_URL, fetch: fetchImpl, retry: policy },
    whatsapp: { baseUrl: urls.WHATSAPP_API_BASE_URL, fetch: fetchImpl, retry: policy },
    vk: { baseUrl: urls.VK_API_BASE_URL, fetch: fetchImpl, retry: policy },
    viber: { baseUrl: urls.VIBER_API_BASE_URL, fetch: fetchImpl, retry: policy },
  });
  return { sim, app, fetch: fetchImpl, senders, delays, received: receiver.received };
}
