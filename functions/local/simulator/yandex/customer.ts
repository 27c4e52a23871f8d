/**
 * The Alice customer: skill calls within a session (a phrase, or a button press), and the skill's
 * synchronous answer shown as its reply.
 */
import { randomUUID } from 'node:crypto';
import type { SimulatedChannel } from '../channels.ts';
import { readButtonPayload } from '../model.ts';
import { type Persona, customerIdentity } from '../personas.ts';
import type { ProviderHost } from '../provider.ts';

/** Open Alice sessions, per skill and persona: the next message id and the skill's `session_state`. */
export class AliceSessions {
  private readonly sessions = new Map<string, { sessionId: string; messageId: number; state: unknown }>();

  /** The request fields of the persona's next call to the skill; `fresh` starts a new session. */
  next(channel: SimulatedChannel, persona: Persona, fresh: boolean) {
    const key = `${channel.channelId}:${persona.id}`;
    let session = this.sessions.get(key);
    const isNew = fresh || !session;
    if (!session || fresh) {
      session = { sessionId: randomUUID(), messageId: -1, state: undefined };
      this.sessions.set(key, session);
    }
    session.messageId += 1;
    const id = customerIdentity(persona, channel.channelId);
    return {
      skillId: channel.secrets.skillId ?? '',
      sessionId: session.sessionId,
      messageId: session.messageId,
      isNew,
      applicationId: id.aliceApplicationId,
      userId: id.aliceUserId,
      locale: persona.language === 'en' ? 'en-US' : 'ru-RU',
      sessionState: session.state,
    };
  }

  /**
   * Alice speaks the skill's answer at once (there is no delivery to report): it becomes our reply
   * in the chat, the session keeps its `session_state`, and `end_session` closes it.
   */
  recordAnswer(sim: ProviderHost, channel: SimulatedChannel, persona: Persona, body: string): void {
    try {
      const answer = JSON.parse(body) as { response?: { text?: unknown; end_session?: unknown; buttons?: Array<{ title?: unknown; payload?: unknown }> }; session_state?: unknown };
      const text = typeof answer.response?.text === 'string' ? answer.response.text : '';
      const buttons = (answer.response?.buttons ?? [])
        .filter((b): b is { title: string; payload?: unknown } => typeof b.title === 'string')
        .map((b) => ({ title: b.title, payload: readButtonPayload(b.payload) ?? b.title }));
      const key = `${channel.channelId}:${persona.id}`;
      const session = this.sessions.get(key);
      if (session) session.state = answer.session_state;
      if (answer.response?.end_session === true) this.sessions.delete(key);
      if (text) sim.addEntry({ channelId: channel.channelId, personaId: persona.id, from: 'business', text, providerMessageId: `alice:${randomUUID()}`, ...(buttons.length ? { buttons } : {}) });
    } catch {
      sim.addEntry({ channelId: channel.channelId, personaId: persona.id, from: 'system', event: 'api_error', text: 'Алиса: ответ навыка не JSON', textEn: 'Alice: the skill answered with something other than JSON' });
    }
  }
}
