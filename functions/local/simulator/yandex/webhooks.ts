/** What Yandex Dialogs POSTs to an Alice skill's webhook (unsigned). */
import type { Forgery, WebhookRequest } from '../wire.ts';

/** Alice's normalised command: lower case, punctuation removed (what `request.command` holds). */
export function aliceCommand(utterance: string): string {
  return utterance
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A skill call: a phrase (`SimpleUtterance`) or a press on a button with a payload (`ButtonPressed`). */
export function aliceRequest(input: {
  skillId: string;
  sessionId: string;
  messageId: number;
  isNew: boolean;
  applicationId: string;
  userId: string;
  locale: string;
  utterance: string;
  pressed?: { payload: unknown };
  sessionState?: unknown;
}) {
  const command = aliceCommand(input.utterance);
  const nlu = { tokens: command ? command.split(' ') : [], entities: [], intents: {} };
  const request = input.pressed
    ? { nlu, payload: input.pressed.payload, type: 'ButtonPressed' }
    : { command, original_utterance: input.utterance, type: 'SimpleUtterance', markup: { dangerous_context: false }, payload: {}, nlu };
  return {
    meta: { locale: input.locale, timezone: 'Europe/Moscow', client_id: 'ru.yandex.searchplugin/7.16 (none none; android 4.4.2)', interfaces: { screen: {}, payments: {}, account_linking: {} } },
    session: {
      message_id: input.messageId,
      session_id: input.sessionId,
      skill_id: input.skillId,
      user: { user_id: input.userId },
      application: { application_id: input.applicationId },
      new: input.isNew,
    },
    request,
    state: { session: input.sessionState ?? {}, user: {}, application: {} },
    version: '1.0',
  };
}

/** Alice calls the skill's webhook with no signature; a forged call names another skill. */
export function aliceWebhook(url: string, body: ReturnType<typeof aliceRequest>, forgery?: Forgery): WebhookRequest {
  const sent = forgery ? { ...body, session: { ...body.session, skill_id: crypto.randomUUID() } } : body;
  return { method: 'POST', url, headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(sent) };
}
