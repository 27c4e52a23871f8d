/** Reading a customer's reply as a survey answer, and recording it once (the first answer wins). */
import type { Contact, SurveyAnswer } from '../contacts/model.ts';
import type { SurveyChannel } from '../contacts/values.ts';
import { isSurveyOpen } from './plan.ts';
import { SURVEY_PAYLOAD_PREFIX, SURVEY_SCALES, SURVEY_STAGES, type SurveyStage } from './values.ts';

/** What of a customer's message a survey answer can be read from. */
export interface SurveyReplyMessage {
  text?: string | undefined;
  button?: { payload: string } | undefined;
}

const inScale = (stage: SurveyStage, value: number) => Number.isInteger(value) && value >= SURVEY_SCALES[stage].min && value <= SURVEY_SCALES[stage].max;

/**
 * A bare number, perhaps with a word around it: «5», «5!», «оценка 4», «ставлю 5», «4 из 5», «score: 9», «9/10».
 * Anything else («5 минут жду», «спасибо») is not an answer.
 */
const NUMBER_REPLY = /^(?:(?:(?:моя\s+)?оценка|оцениваю(?:\s+на)?|ставлю|(?:my\s+)?(?:score|rating)(?:\s+is)?|i\s+give(?:\s+you)?)\s*[:—–-]?\s*)?(\d{1,2})\s*(?:(?:из|\/|out\s+of)\s*(?:5|10))?\s*[!.)]*$/u;

/**
 * The answer a message gives: a survey button names its own question (`survey:csi:4`); a typed number answers
 * `current`, the question waiting for an answer, when it is on that question's scale. `undefined`: not an answer.
 */
export function parseSurveyAnswer(current: SurveyStage | undefined, message: SurveyReplyMessage): { stage: SurveyStage; value: number } | undefined {
  const payload = message.button?.payload;
  if (payload?.startsWith(SURVEY_PAYLOAD_PREFIX)) {
    const [stage, raw] = payload.slice(SURVEY_PAYLOAD_PREFIX.length).split(':');
    const value = Number(raw);
    return SURVEY_STAGES.includes(stage as SurveyStage) && raw !== undefined && /^\d+$/.test(raw) && inScale(stage as SurveyStage, value) ? { stage: stage as SurveyStage, value } : undefined;
  }
  if (current === undefined || message.text === undefined) return undefined;
  const match = NUMBER_REPLY.exec(message.text.trim().toLowerCase().replace(/\s+/g, ' '));
  const value = Number(match?.[1]);
  return match && inScale(current, value) ? { stage: current, value } : undefined;
}

/** The question a survey waits on: CSI until answered, then NPS when it was asked for; `undefined` when done. */
export function pendingStage(contact: Pick<Contact, 'surveyRequest' | 'survey'>): SurveyStage | undefined {
  if (!contact.surveyRequest) return undefined;
  if (contact.survey?.score === undefined) return 'csi';
  return contact.surveyRequest.nps && contact.survey.nps === undefined ? 'nps' : undefined;
}

/** What a customer's reply to a contact with a survey is. */
export type SurveyReply =
  /** Not an answer (or too late, or no survey): an ordinary message. */
  | { kind: 'not-an-answer' }
  /** The first answer to `stage`: store `survey`, then ask NPS or thank. */
  | { kind: 'answer'; stage: SurveyStage; value: number; survey: SurveyAnswer; next: 'nps' | 'thanks' }
  /** That question has its answer already: nothing changes; `redelivered` when it is this very message's. */
  | { kind: 'repeat'; redelivered: boolean };

/**
 * Decides a reply to a contact's survey. Answers count only within the reply window (`isSurveyOpen`); each question's
 * first answer wins, so a redelivered webhook or a second press changes nothing. `ref` identifies the message.
 */
export function decideSurveyReply(contact: Pick<Contact, 'surveyRequest' | 'survey'>, message: SurveyReplyMessage, ref: string, now: Date): SurveyReply {
  const { surveyRequest: request, survey } = contact;
  if (survey && (survey.ref === ref || survey.npsRef === ref)) return { kind: 'repeat', redelivered: true };
  if (!isSurveyOpen(request, now)) return { kind: 'not-an-answer' };
  const answer = parseSurveyAnswer(pendingStage(contact), message);
  if (!answer || (answer.stage === 'nps' && !request.nps)) return { kind: 'not-an-answer' };
  const at = now.toISOString();
  const via: SurveyChannel = request.via;
  if (answer.stage === 'csi') {
    if (survey?.score !== undefined) return { kind: 'repeat', redelivered: false };
    const next: SurveyAnswer = { ...survey, score: answer.value, answeredAt: survey?.answeredAt ?? at, via, ref: survey?.ref ?? ref };
    return { kind: 'answer', stage: 'csi', value: answer.value, survey: next, next: request.nps && survey?.nps === undefined ? 'nps' : 'thanks' };
  }
  if (survey?.nps !== undefined) return { kind: 'repeat', redelivered: false };
  const next: SurveyAnswer = survey
    ? { ...survey, nps: answer.value, npsAnsweredAt: at, npsRef: ref }
    : { nps: answer.value, answeredAt: at, npsAnsweredAt: at, via, ref, npsRef: ref };
  return { kind: 'answer', stage: 'nps', value: answer.value, survey: next, next: 'thanks' };
}
