import type { surveysRu } from './surveys.ru.ts';

/** Surveys after chats in the administration, in English. */
export const surveysEn: Record<keyof typeof surveysRu, string> = {
  'admin.surveys.title': 'Surveys after chats',
  'admin.surveys.hint': 'A 1–5 rating (CSI) and the 0–10 NPS question after a chat, in the same messenger or the widget. Calls ask as their number’s flow says.',
  'admin.surveys.chats': 'Send the survey when the agent ends the chat',
  'admin.surveys.nps': 'Ask NPS (0–10) after the rating',
  'admin.surveys.timeoutHours': 'Replies count for, hours',
  'admin.surveys.text.csi': 'Rating question',
  'admin.surveys.text.nps': 'NPS question',
  'admin.surveys.text.thanks': 'Thank-you',
  'admin.surveys.save': 'Save',
  'admin.surveys.saved': 'Survey settings saved',
  'admin.surveys.failed': 'Could not save the survey settings',
};
