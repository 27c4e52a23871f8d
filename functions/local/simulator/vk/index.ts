/** VK as the simulator plays it: Callback API events out, `messages.send` in (`api.ts`). */
import type { ProviderFactory } from '../provider.ts';
import { type VkFileState, vkApi } from './api.ts';
import { vkFile, vkHandshake, vkOpen, vkPress, vkText } from './customer.ts';

/** Registers VK: an event counts as delivered only when answered `ok`; remembers `random_id`s as VK dedups by them. */
export const vk: ProviderFactory = (sim) => {
  const sentByRandomId = new Map<string, number>();
  const files: VkFileState = { slots: new Map(), saved: new Map() };
  return {
    kind: 'vk',
    isRecipient: (id, recipient) => String(id.vkUserId) === recipient,
    message: (context, text) => vkText(sim, context, text),
    sendFile: (context, file) => vkFile(sim, context, file),
    open: vkOpen,
    press: (context, _source, button) => vkPress(sim, context, button),
    // VK keeps re-sending an event until the answer is exactly "ok".
    accepts: (status, body) => status === 200 && body.trim() === 'ok',
    handshake: vkHandshake,
    api: () => vkApi(sim, sentByRandomId, files),
  };
};
