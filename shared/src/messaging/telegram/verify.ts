import { equalSecrets } from '../signature.ts';

/** Header Telegram sets on every webhook call to the `secret_token` given to setWebhook. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Whether a webhook call carries the channel's secret token (constant-time). A missing header or an
 * empty configured secret is never authentic.
 */
export function verifyTelegramSecretToken(headerValue: string | null | undefined, configuredSecret: string): boolean {
  if (!headerValue || !configuredSecret) return false;
  return equalSecrets(headerValue, configuredSecret);
}
