// Chat surveys on the whole local contact center (real stream, the simulator as each provider's API): the survey goes
// out when a handled chat closes, a button press or a typed number is recorded on the closed contact (first answer
// wins, redeliveries change nothing) and is thanked, never reaching an agent; a reply after the window is a message.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Contact } from '@cc/shared/contacts/model';
import type { ChatEntry } from '../local/simulator/model.ts';
import { startContactCenter, type RunningContactCenter } from '../local/contact-center.ts';
import { json } from '../../test/json.ts';
import { waitFor } from '../../test/live.ts';
import { scanEntity } from '../messaging/testing/harness.ts';

let center: RunningContactCenter;
let anna: string;
let tenantId: string;

const call = (token: string, method: string, path: string, body?: unknown) =>
  fetch(`${center.baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined && { body: JSON.stringify(body) }) });
const channelOf = (type: string) => center.demo.channels.find((c) => c.type === type)!.channelId;
const contactsOf = async (channelId: string) => (await scanEntity<Contact>(center.deps, 'contact')).filter((c) => c.channelId === channelId);
const contact = (contactId: string) => center.deps.contacts.get(tenantId, contactId) as Promise<Contact>;

/** Anna takes the chat the customer's message opened, ends it and completes the wrap-up: the contact closes. */
async function handledChat(channelId: string, persona: string, text: string): Promise<string> {
  const known = new Set((await contactsOf(channelId)).map((c) => c.contactId));
  await center.simulator.say(channelId, persona, text);
  const offered = await waitFor(async () => (await contactsOf(channelId)).find((c) => !known.has(c.contactId) && c.status === 'offered'), 30_000);
  expect((await call(anna, 'POST', `/contacts/${offered.contactId}/accept`)).status).toBe(200);
  expect((await call(anna, 'POST', `/contacts/${offered.contactId}/end`)).status).toBe(200);
  expect((await call(anna, 'POST', `/contacts/${offered.contactId}/complete`, {})).status).toBe(200);
  return offered.contactId;
}

/** The next business line in the customer's chat that passes `test`. */
async function replyWhere(channelId: string, persona: string, test: (entry: ChatEntry) => boolean, afterRev = 0): Promise<ChatEntry> {
  let entry = await center.simulator.waitForReply(channelId, persona, { afterRev, timeoutMs: 20_000 });
  while (!test(entry)) entry = await center.simulator.waitForReply(channelId, persona, { afterRev: entry.rev, timeoutMs: 20_000 });
  return entry;
}

beforeAll(async () => {
  center = await startContactCenter({ port: 0, dynamodbEndpoint: inject('dynamodbEndpoint'), quiet: true });
  tenantId = center.demo.tenantId;
  const user = center.demo.users.find((u) => u.login.startsWith('anna'))!;
  anna = (await json(await fetch(`${center.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password: user.password }) }))).token;
  expect((await call(anna, 'PUT', '/agents/me/status', { status: 'available' })).status).toBe(200);
  await center.deps.surveySettings.put({ tenantId, chats: true, nps: true, timeoutHours: 24, texts: (await center.services.surveys.settings(tenantId)).texts, updatedAt: new Date().toISOString(), updatedBy: 'test' });
}, 120_000);
afterAll(() => center?.stop());

describe('chat surveys', () => {
  it('asks 1–5 with Telegram buttons, records the press once (a redelivery and a second press change nothing), asks NPS and thanks', async () => {
    // Arrange
    const channelId = channelOf('telegram');
    const contactId = await handledChat(channelId, 'ivan', 'Где мой заказ 1042?');
    const question = await replyWhere(channelId, 'ivan', (e) => (e.buttons?.length ?? 0) === 5);
    // Act: the customer presses 4, the webhook is delivered twice, then they press 2 as well
    const pressed = await center.simulator.press(channelId, 'ivan', question.id, 'survey:csi:4');
    const nps = await replyWhere(channelId, 'ivan', (e) => (e.buttons?.length ?? 0) === 11, question.rev);
    const again = await fetch(pressed.request.url, { method: 'POST', headers: pressed.request.headers, body: pressed.request.rawBody });
    await center.simulator.press(channelId, 'ivan', question.id, 'survey:csi:2');
    await center.simulator.press(channelId, 'ivan', nps.id, 'survey:nps:10');
    const thanks = await replyWhere(channelId, 'ivan', (e) => e.text === 'Спасибо за оценку!', nps.rev);
    const rated = await waitFor(async () => ((await contact(contactId)).survey?.nps !== undefined ? contact(contactId) : undefined));
    // Assert
    expect(question.text).toContain('оцените разговор');
    expect(question.buttons?.map((b) => b.title)).toEqual(['1', '2', '3', '4', '5']);
    expect(again.status).toBe(200);
    expect(rated.surveyRequest).toMatchObject({ via: 'messenger', nps: true });
    expect(rated.survey).toMatchObject({ score: 4, nps: 10, via: 'messenger' });
    expect(thanks.text).toBe('Спасибо за оценку!');
    // One contact and one thank-you: the answers went onto the closed contact, no agent was offered anything.
    expect((await contactsOf(channelId)).map((c) => c.contactId)).toEqual([contactId]);
    expect(center.simulator.transcript(channelId, 'ivan').filter((e) => e.text === 'Спасибо за оценку!')).toHaveLength(1);
    expect(pressed.entry.answered).toBe(true);
  });

  it('asks NPS for a number on WhatsApp (11 answers are more than its list holds) and reads typed replies', async () => {
    // Arrange
    const channelId = channelOf('whatsapp');
    const contactId = await handledChat(channelId, 'anna', 'Не работает доставка');
    const question = await replyWhere(channelId, 'anna', (e) => (e.buttons?.length ?? 0) === 5);
    // Act
    await center.simulator.say(channelId, 'anna', 'оценка 5!');
    const nps = await replyWhere(channelId, 'anna', (e) => e.text.includes('от 0 до 10'), question.rev);
    await center.simulator.say(channelId, 'anna', '9');
    await replyWhere(channelId, 'anna', (e) => e.text === 'Спасибо за оценку!', nps.rev);
    // Assert
    expect(nps.buttons ?? []).toEqual([]);
    expect(nps.text).toContain('Ответьте числом от 0 до 10.');
    expect((await contact(contactId)).survey).toMatchObject({ score: 5, nps: 9 });
    expect((await contactsOf(channelId)).map((c) => c.contactId)).toEqual([contactId]);
  });

  it('shows the widget visitor the rating card and records the press posted through the widget route, once', async () => {
    // Arrange: a visitor's chat, handled and closed
    const channelId = channelOf('webchat');
    const origin = new URL(center.widgetDemoUrl).origin;
    const widget = (path: string, token?: string, body?: unknown) => fetch(`${center.baseUrl}/widget/${channelId}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { origin, 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, ...(body !== undefined && { body: JSON.stringify(body) }) });
    const session = await json(await widget('/sessions', undefined, {}));
    const conv = `/conversations/${session.conversationId}`;
    expect((await widget('/prechat', session.token, { name: 'Ольга', email: 'olga@example.com', queueId: 'support' })).status).toBe(200);
    const known = new Set((await contactsOf(channelId)).map((c) => c.contactId));
    await widget(`${conv}/messages`, session.token, { clientMessageId: 'q-1', text: 'Не приходит курьер' });
    const offered = await waitFor(async () => (await contactsOf(channelId)).find((c) => !known.has(c.contactId) && c.status === 'offered'), 30_000);
    for (const step of ['accept', 'end', 'complete']) expect((await call(anna, 'POST', `/contacts/${offered.contactId}/${step}`, {})).status).toBe(200);
    type View = { messageId: string; from: string; text?: string; buttons?: { title: string; payload: string }[] };
    const history = async () => (await json(await widget(`${conv}/messages`, session.token))).messages as View[];
    const card = await waitFor(async () => (await history()).find((m) => m.buttons?.[0]?.payload === 'survey:csi:1'));
    // Act: the visitor presses 5 (the request sent twice), then 1
    const press = { clientMessageId: 'rate-1', button: { title: '5', payload: 'survey:csi:5' } };
    const first = await widget(`${conv}/messages`, session.token, press);
    const repeated = await widget(`${conv}/messages`, session.token, press);
    await widget(`${conv}/messages`, session.token, { clientMessageId: 'rate-2', button: { title: '1', payload: 'survey:csi:1' } });
    const npsCard = await waitFor(async () => (await history()).find((m) => m.buttons?.length === 11));
    const refused = await fetch(`${center.baseUrl}/widget/${channelId}${conv}/messages`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify(press) });
    // Assert
    expect(card).toMatchObject({ from: 'system', text: expect.stringContaining('оцените разговор') });
    expect([first.status, repeated.status, refused.status]).toEqual([202, 200, 401]);
    expect(npsCard.buttons?.map((b) => b.title)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect((await contact(offered.contactId)).survey).toMatchObject({ score: 5, via: 'widget' });
    expect((await history()).filter((m) => m.buttons?.length === 11)).toHaveLength(1);
    expect((await contactsOf(channelId)).filter((c) => !known.has(c.contactId)).map((c) => c.contactId)).toEqual([offered.contactId]);
  });

  it('treats a reply after the window as an ordinary message: it opens a new contact and leaves the survey unanswered', async () => {
    // Arrange: the survey went out, and its window has passed
    const channelId = channelOf('telegram');
    const contactId = await handledChat(channelId, 'john', 'Hello, my parcel is late');
    const question = await replyWhere(channelId, 'john', (e) => (e.buttons?.length ?? 0) === 5);
    await center.services.routing.commands.annotate(tenantId, contactId, (c) => ({ surveyRequest: { ...c.surveyRequest!, expiresAt: new Date(Date.now() - 1000).toISOString() } }));
    // Act
    await center.simulator.say(channelId, 'john', '5');
    const next = await waitFor(async () => (await contactsOf(channelId)).find((c) => c.previousContactId === contactId));
    // Assert
    expect(question.text).toBe('Please rate the conversation with our agent from 1 to 5, where 5 is excellent.');
    expect((await contact(contactId)).survey).toBeUndefined();
    expect(next.status).not.toBe('closed');
    await call(anna, 'POST', `/contacts/${next.contactId}/accept`);
  });
});
