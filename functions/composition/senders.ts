/** The messenger senders from configuration, apart because each provider's sender builds its zod schemas at import. */
import type { Config } from './config.ts';
import { createMessengerSenders, type MessengerSenders } from '../adapters/messengers/index.ts';
import type { RetryPolicy } from '../adapters/messengers/retry.ts';

/** One provider call per delivery job, cut off well under any function's timeout; the queue does the retrying. */
export const PROVIDER_TIMEOUT_MS = 5_000;

/** The messenger senders at the base URLs of `config` (the providers in AWS, the simulator locally). */
export function createSendersFromConfig(config: Config, overrides?: Partial<RetryPolicy>, timeoutMs = PROVIDER_TIMEOUT_MS): MessengerSenders {
  const retry = { maxAttempts: 1, ...overrides };
  return createMessengerSenders({
    telegram: { baseUrl: config.TELEGRAM_API_BASE_URL, retry, timeoutMs },
    whatsapp: { baseUrl: config.WHATSAPP_API_BASE_URL, retry, timeoutMs },
    vk: { baseUrl: config.VK_API_BASE_URL, retry, timeoutMs },
    viber: { baseUrl: config.VIBER_API_BASE_URL, retry, timeoutMs },
  });
}
