/** Telegram as the simulator plays it: Bot API updates out, the Bot API in (`api.ts`). */
import type { ProviderFactory } from '../provider.ts';
import { telegramApi } from './api.ts';
import { telegramFileMessage, telegramMessage, telegramPress } from './customer.ts';
import { TelegramFiles } from './files.ts';

/** Registers Telegram; remembers which button press each open callback query is, until the bot answers it. */
export const telegram: ProviderFactory = (sim) => {
  const pendingPresses = new Map<string, string>();
  const files = new TelegramFiles();
  /** Marks a callback query as answered; false when the id is unknown or already answered. */
  const answerPress = (callbackQueryId: string): boolean => {
    const entryId = pendingPresses.get(callbackQueryId);
    if (!entryId) return false;
    pendingPresses.delete(callbackQueryId);
    const entry = sim.entry(entryId);
    if (entry) sim.touch(entry, { answered: true });
    return true;
  };
  return {
    kind: 'telegram',
    isRecipient: (id, recipient) => String(id.telegramUserId) === recipient,
    message: (context, text) => telegramMessage(sim, context, text),
    sendFile: (context, file) => telegramFileMessage(sim, files, context, file),
    open: (_context, payload) => ({ say: payload ? `/start ${payload}` : '/start' }),
    press: (context, source, button) => {
      const { callbackQueryId, ...pressed } = telegramPress(sim, context, source, button);
      return { ...pressed, onEntry: (entry) => void pendingPresses.set(callbackQueryId, entry.id) };
    },
    api: () => telegramApi(sim, answerPress, files),
  };
};
