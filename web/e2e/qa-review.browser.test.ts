// Browser test: a chat in which the customer asks for a manager is closed and analysed on the stream; the supervisor
// opens the day's sample, opens the conversation, sees the request highlighted with its category, and saves an
// evaluation on the queue's form with the analysis's pre-filled answers kept and one answered by hand: the total
// appears. An agent sent to the same review lands on their workspace. Screenshots in Russian and English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Contact } from '@cc/shared/contacts/model';
import type { QaEvaluation, QaForm } from '@cc/shared/qa/values';
import { apiToken, DESKTOP, screenshots, startHarness, type Harness } from './harness.ts';
import { seriousAccessibilityProblems, untranslatedText } from './quality.ts';
import { waitFor } from '../../test/live.ts';
import { scanEntity } from '../../functions/messaging/testing/harness.ts';

let harness: Harness | undefined;
const token: Record<'anna' | 'supervisor', string> = { anna: '', supervisor: '' };
const ESCALATION = 'Позовите руководителя, я хочу написать претензию!';
let contactId: string;
let form: QaForm;

const call = async (who: keyof typeof token, method: string, path: string, body?: unknown) =>
  fetch(`${harness!.center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });

/** A Telegram chat Anna takes, answers and closes; answers its contact once the stream has analysed it. */
async function analysedChat(): Promise<Contact> {
  const { center } = harness!;
  const telegram = center.demo.channels.find((c) => c.type === 'telegram')!.channelId;
  const ofTelegram = async () => (await scanEntity<Contact>(center.deps, 'contact')).filter((c) => c.channelId === telegram);
  const known = new Set((await ofTelegram()).map((c) => c.contactId));
  await center.simulator.say(telegram, 'ivan', 'Здравствуйте, у меня не работает доставка');
  const offered = await waitFor(async () => (await ofTelegram()).find((c) => !known.has(c.contactId) && c.status === 'offered'), 30_000);
  expect((await call('anna', 'POST', `/contacts/${offered.contactId}/accept`)).status).toBe(200);
  await center.simulator.say(telegram, 'ivan', ESCALATION);
  await waitFor(async () => (await call('anna', 'GET', `/contacts/${offered.contactId}/messages`)).json().then((b: { messages?: { text?: string }[] }) => b.messages?.some((m) => m.text === ESCALATION)), 20_000, 200);
  expect((await call('anna', 'POST', `/contacts/${offered.contactId}/messages`, { text: 'Здравствуйте! Сейчас разберёмся. До свидания!' })).status).toBeLessThan(300);
  expect((await call('anna', 'POST', `/contacts/${offered.contactId}/end`)).status).toBe(200);
  expect((await call('anna', 'POST', `/contacts/${offered.contactId}/complete`, {})).status).toBe(200);
  await waitFor(async () => (await call('supervisor', 'GET', `/analytics/contacts/${offered.contactId}`)).status === 200, 30_000, 250);
  return offered;
}

beforeAll(async () => {
  harness = await startHarness();
  const { center, demoUser } = harness;
  token.anna = await apiToken(center, demoUser((u) => u.login === 'anna@romashka.demo'));
  token.supervisor = await apiToken(center, demoUser('supervisor'));
  expect((await call('anna', 'PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
  const contact = await analysedChat();
  contactId = contact.contactId;
  // The queue's form: two parameters the analysis answers (the customer's escalation, the agent's greeting), one it cannot.
  const created = await call('supervisor', 'POST', '/qa/forms', {
    name: 'Чаты поддержки',
    queueIds: [contact.queueId],
    parameters: [
      { parameterId: 'calm', name: 'Клиент не просил руководителя', nameEn: 'No request for a manager', kind: 'yes_no', weight: 50, link: { category: 'escalation_request', speaker: 'customer' } },
      { parameterId: 'greeting', name: 'Оператор поздоровался', nameEn: 'The agent greeted', kind: 'yes_no', weight: 20, link: { category: 'greeting', speaker: 'agent' } },
      { parameterId: 'solution', name: 'Решение вопроса', nameEn: 'Solving the issue', kind: 'scale_1_5', weight: 30 },
    ],
  });
  expect(created.status).toBe(201);
  form = (await created.json()) as QaForm;
}, 600_000);

afterAll(async () => {
  await harness?.stop();
});

describe('QA review in Chromium', { timeout: 180_000 }, () => {
  it('lets the supervisor open a flagged conversation from the sample, see the request highlighted and save an evaluation with its total', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/qa`);
    const entry = page.getByTestId('qa-sample').locator(`li[data-contact="${contactId}"]`);
    // Act: open the review from the sample
    await entry.getByRole('link', { name: 'Открыть разговор' }).click({ timeout: 30_000 });
    const mark = page.getByTestId('qa-transcript').locator('mark.qa-mark[data-categories~="escalation_request"]').first();
    await mark.waitFor({ timeout: 20_000 });
    const panel = page.getByTestId('qa-evaluation-panel');
    // The queue has the demo tenant's standard form too: this check is about its own
    await panel.getByLabel('Форма').selectOption({ label: 'Чаты поддержки' }, { timeout: 20_000 });
    const calm = panel.locator('fieldset[data-parameter="calm"]');
    await calm.waitFor();
    const prefilledCalm = await calm.locator('input[type="radio"]:checked').getAttribute('value');
    const evidence = await calm.locator('.qa-evidence').allInnerTexts();
    await panel.locator('fieldset[data-parameter="solution"]').getByText('4', { exact: true }).click();
    await panel.locator('fieldset[data-parameter="solution"]').getByLabel('Заметка').fill('Доставку проверили быстро');
    const liveTotal = await panel.getByTestId('qa-eval-live').locator('strong').innerText();
    await page.screenshot({ path: join(screenshots, 'qa-review-ru.png'), animations: 'disabled', fullPage: true });
    await panel.getByRole('button', { name: 'Сохранить оценку' }).click();
    const total = await page.getByTestId('qa-eval-total').innerText({ timeout: 20_000 });
    // Assert: the customer's words marked with their rule, the analysis's answers kept, the server's total shown
    expect(page.url()).toContain(`#/qa/contact/${contactId}`);
    expect(await mark.getAttribute('title')).toMatch(/Просьба позвать руководителя · правило [\w.-]+/);
    expect(ESCALATION).toContain(await mark.innerText());
    expect(prefilledCalm).toBe('no');
    expect(await calm.getByText('Заполнено по анализу: Нет').count()).toBe(1);
    expect(evidence.some((text) => text.startsWith('Клиент: ') && ESCALATION.includes(text.slice('Клиент: '.length)))).toBe(true);
    expect(await page.getByTestId('qa-reasons').locator('li[data-category="escalation_request"]').count()).toBe(1);
    const [stored] = (await (await call('supervisor', 'GET', `/qa/evaluations?agentId=u-agent-1`)).json()).evaluations as QaEvaluation[];
    expect(stored).toMatchObject({ contactId, formId: form.formId, agentId: 'u-agent-1' });
    expect(stored!.answers).toEqual([
      expect.objectContaining({ parameterId: 'calm', answer: 'no', prefilled: 'no' }),
      expect.objectContaining({ parameterId: 'greeting', answer: 'yes', prefilled: 'yes' }),
      expect.objectContaining({ parameterId: 'solution', answer: 4, note: 'Доставку проверили быстро' }),
    ]);
    // 50·0 + 20·1 + 30·0.75 = 42.5 of 100
    expect(stored!.total).toBe(42.5);
    expect(total).toBe('42,5');
    expect(liveTotal).toBe('42,5');
    expect(await seriousAccessibilityProblems(page)).toEqual([]);
  });

  it('shows the review in English with nothing left untranslated', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/qa/contact/${encodeURIComponent(contactId)}`);
    await page.locator('mark.qa-mark').first().waitFor({ timeout: 20_000 });
    // Act
    await page.getByRole('button', { name: 'EN', exact: true }).first().click();
    await page.locator('html[lang="en"]').waitFor();
    await page.getByTestId('qa-evaluation-panel').getByLabel('Form').selectOption({ label: 'Чаты поддержки' }, { timeout: 20_000 });
    const stored = page.getByTestId('qa-eval-saved');
    await stored.getByText('This conversation is evaluated on this form already.').waitFor();
    await page.screenshot({ path: join(screenshots, 'qa-review-en.png'), animations: 'disabled', fullPage: true });
    // Assert
    // What people said, as the transcript cut it around the marks, and what the form's author typed.
    const said = await page.getByTestId('qa-transcript').locator('.qa-line__text > *').allInnerTexts();
    const typed = [...center.demo.users.map((u) => u.name), 'Поддержка', 'Продажи', 'VIP', 'Чаты поддержки', 'Стандарт качества «Ромашки»', 'Клиент не просил руководителя', 'Оператор поздоровался', 'Решение вопроса', 'Доставку проверили быстро', ...said.map((text) => text.trim()), contactId];
    expect(await untranslatedText(page, typed)).toEqual([]);
    expect(await page.locator('fieldset[data-parameter="calm"] legend').innerText()).toContain('No request for a manager');
    // The stored evaluation, not a fresh draft: its answers, note and total, and nothing to save again
    expect(await stored.getByTestId('qa-eval-total').innerText()).toBe('42.5');
    expect(await page.locator('fieldset[data-parameter="solution"] input[type="radio"]:checked').getAttribute('value')).toBe('4');
    expect(await page.locator('fieldset[data-parameter="solution"]').getByLabel('Note').inputValue()).toBe('Доставку проверили быстро');
    expect(await page.getByRole('button', { name: 'Save evaluation' }).isDisabled()).toBe(true);
  });

  it('finds the conversation in the search of flagged ones by category and opens the same review', async () => {
    // Arrange
    const { center, signIn, demoUser } = harness!;
    const page = await signIn(demoUser('supervisor').login, DESKTOP);
    await page.goto(`${center.baseUrl}/#/qa`);
    const search = page.getByTestId('qa-search');
    // Act
    await search.getByLabel('Категория').selectOption('escalation_request');
    await search.getByRole('button', { name: 'Найти' }).click();
    const row = page.getByTestId('qa-search-results').locator(`li[data-contact="${contactId}"]`);
    await row.waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(screenshots, 'qa-search-ru.png'), animations: 'disabled', fullPage: true });
    const problems = await seriousAccessibilityProblems(page);
    const categories = await row.locator('.badge').allInnerTexts();
    await row.getByRole('link', { name: 'Открыть разговор' }).click();
    // Assert
    await page.locator('mark.qa-mark[data-category="escalation_request"]').first().waitFor({ timeout: 20_000 });
    expect(await row.count()).toBe(0);
    expect(page.url()).toContain(`#/qa/contact/${contactId}`);
    expect(categories).toContain('Просьба позвать руководителя');
    expect(problems).toEqual([]);
  });

  it('sends an agent who opens a review to their workspace', async () => {
    // Arrange
    const { center, signIn } = harness!;
    const page = await signIn('anna@romashka.demo', DESKTOP);
    // Act
    await page.goto(`${center.baseUrl}/#/qa/contact/${encodeURIComponent(contactId)}`);
    await page.waitForFunction(() => window.location.hash === '#/workspace');
    // Assert
    expect(await page.getByTestId('qa-evaluation-panel').count()).toBe(0);
    expect(await page.locator('.nav-link[href="#/qa"]').count()).toBe(0);
  });
});
