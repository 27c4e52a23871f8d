/** When a contact gets the survey, and the survey's questions as a message for its channel. */
import { CHANNEL_CATALOG, type ChannelKind } from '../channels/catalog.ts';
import type { Contact, SurveyRequest } from '../contacts/model.ts';
import { NUMBER_REPLY_HINTS, scaleOf, SURVEY_BUTTON_LIMITS, surveyPayload, type SurveySettings, type SurveyStage } from './values.ts';

/** Why a closed contact gets no chat survey (for logs and tests). */
export type NoSurveyReason = 'surveys off' | 'not closed' | 'not answered by an agent' | 'channel takes no messages' | 'already sent';

/**
 * The survey a chat contact that just closed gets, or why it gets none: chat surveys are on, an agent took the
 * contact, its channel carries our messages, and it has not had one (one survey per contact, whatever redelivers).
 */
export function planChatSurvey(contact: Pick<Contact, 'status' | 'channel' | 'conversationId' | 'history' | 'surveyRequest' | 'survey'>, settings: SurveySettings, now: Date): SurveyRequest | NoSurveyReason {
  if (!settings.chats) return 'surveys off';
  if (contact.status !== 'closed') return 'not closed';
  if (!contact.history.some((entry) => entry.to === 'connected')) return 'not answered by an agent';
  const traits = CHANNEL_CATALOG[contact.channel];
  if (traits.media !== 'chat' || traits.replies === 'none' || contact.conversationId === undefined) return 'channel takes no messages';
  if (contact.surveyRequest || contact.survey) return 'already sent';
  return {
    sentAt: now.toISOString(),
    via: traits.replies === 'widget' ? 'widget' : 'messenger',
    nps: settings.nps,
    expiresAt: new Date(now.getTime() + settings.timeoutHours * 3_600_000).toISOString(),
  };
}

/** Whether a survey's reply window is still open at `now` (a keypad survey has none: the call itself is the window). */
export function isSurveyOpen(request: SurveyRequest | undefined, now: Date): request is SurveyRequest {
  return request !== undefined && (request.expiresAt === undefined || now.getTime() <= Date.parse(request.expiresAt));
}

/** A survey question as a message: its text, and one button per answer when the channel shows that many. */
export interface SurveyQuestion {
  text: string;
  buttons?: { title: string; payload: string }[];
}

/**
 * The question of `stage` for a customer on `channel`, in English when their messenger speaks English (else
 * Russian): buttons 1–5 or 0–10 where the channel has room for them, otherwise the text asks for a number.
 */
export function surveyQuestion(stage: SurveyStage, settings: SurveySettings, channel: ChannelKind, language: string | undefined): SurveyQuestion {
  const lang = pickLanguage(language);
  const text = settings.texts[stage][lang];
  const answers = scaleOf(stage);
  if (answers.length > SURVEY_BUTTON_LIMITS[channel]) return { text: `${text}\n${NUMBER_REPLY_HINTS[stage][lang]}` };
  return { text, buttons: answers.map((value) => ({ title: String(value), payload: surveyPayload(stage, value) })) };
}

/** The thank-you after the last answer. */
export function surveyThanks(settings: SurveySettings, language: string | undefined): string {
  return settings.texts.thanks[pickLanguage(language)];
}

/** `en` for a customer whose messenger speaks English, `ru` otherwise. */
export const pickLanguage = (language: string | undefined): 'ru' | 'en' => (language?.toLowerCase().startsWith('en') ? 'en' : 'ru');
