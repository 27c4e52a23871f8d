import { describe, expect, it } from 'vitest';
import type { Contact } from '../contacts/model.ts';
import { isSurveyOpen, planChatSurvey, surveyQuestion, surveyThanks } from './plan.ts';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from './values.ts';

const on: SurveySettings = { ...DEFAULT_SURVEY_SETTINGS, chats: true };
const now = new Date('2026-11-02T10:00:00.000Z');
const closed = (over: Partial<Contact> = {}) => ({
  status: 'closed' as const,
  channel: 'telegram' as const,
  conversationId: 'conv-1',
  history: [{ contactId: 'c1', from: 'offered', to: 'connected', at: '2026-11-02T09:50:00.000Z' }, { contactId: 'c1', from: 'connected', to: 'closed', at: '2026-11-02T09:59:00.000Z' }],
  ...over,
});

describe('planChatSurvey', () => {
  it('sends a handled chat that closed the survey, with the reply window and NPS as set', () => {
    // Act
    const request = planChatSurvey(closed(), on, now);
    // Assert
    expect(request).toEqual({ sentAt: '2026-11-02T10:00:00.000Z', via: 'messenger', nps: true, expiresAt: '2026-11-03T10:00:00.000Z' });
    expect(planChatSurvey(closed({ channel: 'webchat' }), { ...on, nps: false, timeoutHours: 2 }, now)).toEqual({ sentAt: now.toISOString(), via: 'widget', nps: false, expiresAt: '2026-11-02T12:00:00.000Z' });
  });

  it('sends nothing when surveys are off, no agent took the chat, the channel carries no messages or one went out already', () => {
    expect(planChatSurvey(closed(), DEFAULT_SURVEY_SETTINGS, now)).toBe('surveys off');
    expect(planChatSurvey(closed({ status: 'after-contact-work' }), on, now)).toBe('not closed');
    expect(planChatSurvey(closed({ history: [{ contactId: 'c1', from: 'queued', to: 'closed', at: now.toISOString() }] }), on, now)).toBe('not answered by an agent');
    expect(planChatSurvey(closed({ channel: 'yandex' }), on, now)).toBe('channel takes no messages');
    expect(planChatSurvey(closed({ channel: 'voice', conversationId: undefined }), on, now)).toBe('channel takes no messages');
    expect(planChatSurvey(closed({ surveyRequest: { sentAt: now.toISOString(), via: 'messenger', nps: false } }), on, now)).toBe('already sent');
  });
});

describe('isSurveyOpen', () => {
  it('takes replies up to the end of the window, and a keypad survey has no window', () => {
    const request = { sentAt: now.toISOString(), via: 'messenger' as const, nps: false, expiresAt: '2026-11-02T11:00:00.000Z' };
    expect(isSurveyOpen(request, new Date('2026-11-02T11:00:00.000Z'))).toBe(true);
    expect(isSurveyOpen(request, new Date('2026-11-02T11:00:00.001Z'))).toBe(false);
    expect(isSurveyOpen({ sentAt: now.toISOString(), via: 'keypad', nps: true }, new Date('2030-01-01T00:00:00Z'))).toBe(true);
    expect(isSurveyOpen(undefined, now)).toBe(false);
  });
});

describe('surveyQuestion', () => {
  it('offers buttons 1–5 and 0–10 where the channel shows that many, in the customer’s language', () => {
    const csi = surveyQuestion('csi', on, 'telegram', 'en-GB');
    expect(csi.text).toBe(on.texts.csi.en);
    expect(csi.buttons?.map((b) => b.title)).toEqual(['1', '2', '3', '4', '5']);
    expect(csi.buttons?.[3]?.payload).toBe('survey:csi:4');
    const nps = surveyQuestion('nps', on, 'webchat', 'ru');
    expect(nps.text).toBe(on.texts.nps.ru);
    expect(nps.buttons?.map((b) => b.payload)).toEqual(Array.from({ length: 11 }, (_, k) => `survey:nps:${k}`));
  });

  it('asks for a number where the answers do not fit the channel’s buttons', () => {
    expect(surveyQuestion('nps', on, 'whatsapp', undefined)).toEqual({ text: `${on.texts.nps.ru}\nОтветьте числом от 0 до 10.` });
    expect(surveyQuestion('nps', on, 'vk', 'en')).toEqual({ text: `${on.texts.nps.en}\nReply with a number from 0 to 10.` });
    expect(surveyQuestion('csi', on, 'vk', 'en').buttons).toHaveLength(5);
    expect(surveyThanks(on, 'en')).toBe('Thank you for your rating!');
  });
});
