import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { Message } from '../messaging/model.ts';

/** Button payloads of the pre-chat menu carry the queue: `queue:<queueId>`. */
export const QUEUE_CHOICE_PREFIX = 'queue:';

/** One choice of the pre-chat menu: the label the customer sees and the queue it leads to. */
export const PreChatOptionSchema = lazySchema(() => z.object({
  /** Button label; 20 characters fit every provider's buttons. */
  title: z.string().trim().min(1).max(20),
  queueId: z.string().min(1),
  /** Recorded on the contact as its menu choice (routing may add skills for it); defaults to the queue id. */
  menuChoice: z.string().min(1).optional(),
}));
export type PreChatOption = z.infer<typeof PreChatOptionSchema>;

/**
 * A channel's pre-chat menu (`channel.settings.preChatMenu`): before a new conversation becomes a
 * contact, the customer picks a department, e.g. Telegram inline buttons «Продажи / Поддержка».
 */
export const PreChatMenuSchema = lazySchema(() => z.object({
  prompt: z.string().trim().min(1).max(1000).default('Здравствуйте! Выберите, пожалуйста, отдел:'),
  options: z.array(PreChatOptionSchema).min(1).max(10),
}));
export type PreChatMenu = z.infer<typeof PreChatMenuSchema>;

/** The channel's menu, or undefined when it has none (or an invalid one, which is ignored rather than blocking chats). */
export function readPreChatMenu(settings: Record<string, unknown> | undefined): PreChatMenu | undefined {
  const parsed = PreChatMenuSchema.safeParse(settings?.['preChatMenu']);
  return parsed.success ? parsed.data : undefined;
}

/** The menu as an outbound message: the prompt and one button per option. */
export function buildPreChatPrompt(menu: PreChatMenu): { text: string; buttons: { title: string; payload: string }[] } {
  return {
    text: menu.prompt,
    buttons: menu.options.map((option) => ({ title: option.title, payload: `${QUEUE_CHOICE_PREFIX}${option.queueId}` })),
  };
}

const normalise = (text: string) => text.trim().toLocaleLowerCase('ru').replace(/ё/g, 'е');

/**
 * The option a message picks: a pressed menu button (`queue:<id>` payload), or text equal to an
 * option's label (a customer who typed «поддержка» instead of pressing).
 */
export function matchPreChatChoice(menu: PreChatMenu | undefined, message: Pick<Message, 'kind' | 'text' | 'button'>): PreChatOption | undefined {
  if (!menu) return undefined;
  const payload = message.button?.payload;
  if (payload?.startsWith(QUEUE_CHOICE_PREFIX)) {
    const queueId = payload.slice(QUEUE_CHOICE_PREFIX.length);
    return menu.options.find((option) => option.queueId === queueId);
  }
  if (message.text === undefined) return undefined;
  const typed = normalise(message.text);
  return menu.options.find((option) => normalise(option.title) === typed);
}

/** The option a deep-link payload names (`/start sales`, Viber context), by queue id or label. */
export function matchDeepLink(menu: PreChatMenu | undefined, payload: string | undefined): PreChatOption | undefined {
  if (!menu || !payload) return undefined;
  const wanted = normalise(payload.replace(QUEUE_CHOICE_PREFIX, ''));
  return menu.options.find((option) => normalise(option.queueId) === wanted || normalise(option.title) === wanted);
}
