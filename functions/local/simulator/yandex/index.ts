/** Yandex Alice as the simulator plays it: skill calls out, the answer in the same HTTP exchange (no API). */
import type { ProviderFactory } from '../provider.ts';
import { AliceSessions } from './customer.ts';
import { aliceRequest, aliceWebhook } from './webhooks.ts';

/** Registers Alice: each persona talks to a skill in a session; the skill's answer is the reply. */
export const yandex: ProviderFactory = (sim) => {
  const sessions = new AliceSessions();
  return {
    kind: 'yandex',
    isRecipient: (id, recipient) => id.aliceUserId === recipient,
    message: ({ channel, persona, webhook, forgery }, text) => {
      const session = sessions.next(channel, persona, false);
      return { request: aliceWebhook(webhook.url, aliceRequest({ ...session, utterance: text }), forgery), providerMessageId: `${session.sessionId}:${session.messageId}` };
    },
    open: ({ channel, persona, webhook, forgery }) => {
      const session = sessions.next(channel, persona, true);
      return { request: aliceWebhook(webhook.url, aliceRequest({ ...session, utterance: '' }), forgery), text: '(запустил навык)', textEn: '(launched the skill)' };
    },
    press: ({ channel, persona, webhook, forgery }, _source, button) => {
      const session = sessions.next(channel, persona, false);
      return { request: aliceWebhook(webhook.url, aliceRequest({ ...session, utterance: button.title, pressed: { payload: { button: button.payload } } }), forgery) };
    },
    answered: (channel, persona, body) => sessions.recordAnswer(sim, channel, persona, body),
  };
};
