/**
 * The surveys' zod-free vocabulary, which the console may import: the two questions and their scales, the
 * button payloads, the NPS groups, the defaults (texts ru/en, the reply window) and how many answer buttons
 * each channel shows. What is sent when is in `plan.ts`, how a reply is read in `answer.ts`.
 */
import type { ChannelKind } from '../channels/catalog.ts';

/** The questions: CSI (customer satisfaction, 1–5) first, then, when enabled, NPS (0–10, would you recommend us). */
export const SURVEY_STAGES = ['csi', 'nps'] as const;
export type SurveyStage = (typeof SURVEY_STAGES)[number];

/** Each question's scale, both ends included. */
export const SURVEY_SCALES: Record<SurveyStage, { min: number; max: number }> = { csi: { min: 1, max: 5 }, nps: { min: 0, max: 10 } };

/** Every answer of a question's scale, lowest first. */
export function scaleOf(stage: SurveyStage): number[] {
  const { min, max } = SURVEY_SCALES[stage];
  return Array.from({ length: max - min + 1 }, (_, k) => min + k);
}

/** Button payloads of survey answers: `survey:csi:4`, `survey:nps:9`. */
export const SURVEY_PAYLOAD_PREFIX = 'survey:';
export const surveyPayload = (stage: SurveyStage, value: number): string => `${SURVEY_PAYLOAD_PREFIX}${stage}:${value}`;

/** Where an NPS answer counts: 9–10 promoters, 7–8 passives, 0–6 detractors (the Net Promoter Score's own split). */
export type NpsGroup = 'promoter' | 'passive' | 'detractor';
export function npsGroupOf(nps: number): NpsGroup {
  return nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
}

/** How long after the survey went out a chat reply still counts as its answer. */
export const DEFAULT_SURVEY_TIMEOUT_HOURS = 24;
export const MAX_SURVEY_TIMEOUT_HOURS = 7 * 24;
export const SURVEY_TEXT_MAX_LENGTH = 500;

/** A text in the console's two languages (the customer gets `en` when their messenger speaks English). */
export interface LocalText {
  ru: string;
  en: string;
}

/** A tenant's survey settings (`GET/PUT /api/surveys/settings`). */
export interface SurveySettings {
  /** Whether a handled chat gets the survey when it closes (calls follow their number's flow). */
  chats: boolean;
  /** Whether the NPS question follows the CSI answer in chats. */
  nps: boolean;
  /** The reply window, in hours. */
  timeoutHours: number;
  texts: { csi: LocalText; nps: LocalText; thanks: LocalText };
}

/** The default texts, Russian first. */
export const DEFAULT_SURVEY_TEXTS: SurveySettings['texts'] = {
  csi: { ru: 'Пожалуйста, оцените разговор с оператором от 1 до 5, где 5 — отлично.', en: 'Please rate the conversation with our agent from 1 to 5, where 5 is excellent.' },
  nps: { ru: 'Насколько вероятно, что вы порекомендуете нас друзьям, от 0 до 10?', en: 'How likely are you to recommend us to a friend, from 0 to 10?' },
  thanks: { ru: 'Спасибо за оценку!', en: 'Thank you for your rating!' },
};

/** A tenant without stored settings: chat surveys are opt-in (a message after the chat is the tenant's choice). */
export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { chats: false, nps: true, timeoutHours: DEFAULT_SURVEY_TIMEOUT_HOURS, texts: DEFAULT_SURVEY_TEXTS };

/** The hint added when a channel cannot show the question's buttons: the customer replies with a number. */
export const NUMBER_REPLY_HINTS: Record<SurveyStage, LocalText> = {
  csi: { ru: 'Ответьте цифрой от 1 до 5.', en: 'Reply with a number from 1 to 5.' },
  nps: { ru: 'Ответьте числом от 0 до 10.', en: 'Reply with a number from 0 to 10.' },
};

/**
 * How many answer buttons a survey message may carry per channel: VK's inline keyboard takes six rows (one button a
 * row), WhatsApp's list ten rows; a question with more answers than that is asked for a number instead. Calls and
 * Alice carry no buttons.
 */
export const SURVEY_BUTTON_LIMITS: Record<ChannelKind, number> = { voice: 0, callback: 0, webcall: 0, yandex: 0, telegram: 11, viber: 11, webchat: 11, vk: 6, whatsapp: 10 };
