import { formFrom } from '@cc/shared/qa/evaluation';
import type { QaFormBody } from '@cc/shared/qa/schema';
import type { Deps } from '../composition/deps.ts';

/**
 * The demo tenant's evaluation form: the twelve parameters our customers' quality teams named, weighted, seven of
 * them pre-answered from the conversation's analysis (greeting, fillers, swearing, interrupting, talk share,
 * escalation, closing), and «Следовал скрипту» from the contact's call script (docs/scripts.md).
 */
export const DEMO_QA_FORM: QaFormBody = {
  name: 'Стандарт качества «Ромашки»',
  queueIds: ['support', 'sales', 'vip'],
  parameters: [
    { parameterId: 'greeting', name: 'Приветствие по стандарту', nameEn: 'Standard greeting', kind: 'yes_no', weight: 10, link: { category: 'greeting', speaker: 'agent' } },
    { parameterId: 'identification', name: 'Представился и уточнил имя клиента', nameEn: 'Introduced themselves and asked the name', kind: 'yes_no', weight: 5 },
    { parameterId: 'needs', name: 'Выявил потребность', nameEn: 'Found out the need', kind: 'yes_no_partial', weight: 10 },
    { parameterId: 'script', name: 'Следовал скрипту', nameEn: 'Followed the script', kind: 'yes_no_partial', weight: 10, script: true },
    { parameterId: 'solution', name: 'Решил вопрос клиента', nameEn: 'Solved the customer’s issue', kind: 'scale_1_5', weight: 20 },
    { parameterId: 'politeness', name: 'Вежливость', nameEn: 'Politeness', kind: 'scale_1_5', weight: 10 },
    { parameterId: 'no-fillers', name: 'Без слов-паразитов', nameEn: 'No filler words', kind: 'yes_no', weight: 5, link: { category: 'filler_words', speaker: 'agent' } },
    { parameterId: 'no-profanity', name: 'Без нецензурной речи', nameEn: 'No profanity', kind: 'yes_no', weight: 10, link: { category: 'profanity', speaker: 'agent' } },
    { parameterId: 'no-interrupting', name: 'Не перебивал клиента', nameEn: 'Did not interrupt the customer', kind: 'yes_no', weight: 5, link: { category: 'interruptions', speaker: 'agent' } },
    { parameterId: 'listening', name: 'Дал клиенту высказаться', nameEn: 'Let the customer speak', kind: 'yes_no', weight: 5, link: { category: 'talk_share', speaker: 'agent' } },
    { parameterId: 'no-escalation', name: 'Обошлось без просьбы позвать руководителя', nameEn: 'No request for a manager', kind: 'yes_no', weight: 5, link: { category: 'escalation_request', speaker: 'customer' } },
    { parameterId: 'closing', name: 'Прощание по стандарту', nameEn: 'Standard closing', kind: 'yes_no', weight: 5, link: { category: 'farewell', speaker: 'agent' } },
  ],
};
export const DEMO_QA_FORM_ID = 'romashka-standard';

/** Seeds the demo form once: a tenant that has forms (or deleted the demo one and wrote its own) keeps what it has. */
export async function seedQaForm(deps: Pick<Deps, 'qaForms'>, tenantId: string, now: Date): Promise<void> {
  if ((await deps.qaForms.list(tenantId)).length > 0) return;
  await deps.qaForms.create(formFrom(DEMO_QA_FORM, tenantId, DEMO_QA_FORM_ID, now));
}
