import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWireSample } from '@cc/shared/messaging/testing/wire';
import type { Contact } from '@cc/shared/contacts/model';
import type { OutboxRecord, StoredMessage } from '@cc/shared/conversations/model';
import { createTestDeps } from '../../test/deps.ts';
import { createApp } from '../http/app.ts';
import { routingReactions } from '../routing/reactions.ts';
import { makeTenantQueue } from '../routing/testing.ts';
import type { ItemChange } from '../streams/app.ts';
import { messagingReactions } from './reactions.ts';
import { StreamPump, createTestChannel, providerHeaders, scanEntity } from './testing/harness.ts';

const TENANT = 'romashka';
// Saturday 13:00 in Moscow: a weekday-only queue is closed until Monday 09:00.
const SATURDAY = new Date('2026-03-14T10:00:00.000Z');
const weekday = [{ open: '09:00', close: '18:00' }];

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let app: ReturnType<typeof createApp>;
let pump: StreamPump;

beforeAll(async () => {
  ctx = await createTestDeps(() => SATURDAY);
  app = createApp(ctx.deps, ctx.services);
  pump = new StreamPump(ctx.deps, messagingReactions(ctx.deps, ctx.services));
  await ctx.deps.queues.put(makeTenantQueue(TENANT, 'weekdays', { businessHours: { weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday }, holidays: [] } }));
  await ctx.deps.queues.put(makeTenantQueue(TENANT, 'always'));
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg-weekdays', kind: 'telegram', defaultQueueId: 'weekdays' });
  await createTestChannel(ctx.deps, { tenantId: TENANT, channelId: 'tg-always', kind: 'telegram', defaultQueueId: 'always' });
});
afterAll(async () => {
  await ctx.table.drop();
});

let nextUser = 500;
const seen = new Set<string>();
/** A customer writes on Telegram to `channelId`; returns the contact the inbox reaction opened, as stored. */
async function newTelegramContact(channelId: string, languageCode = 'ru'): Promise<Record<string, unknown>> {
  const userId = nextUser++;
  const sample = readWireSample<{ message: Record<string, unknown> }>('telegram/update-message-text-private.json');
  const from = { ...(sample.message['from'] as object), id: userId, language_code: languageCode };
  const raw = JSON.stringify({ update_id: userId, message: { ...sample.message, message_id: userId, from, chat: { id: userId, type: 'private' } } });
  await app.request(`/webhooks/telegram/${channelId}`, { method: 'POST', body: raw, headers: providerHeaders('telegram', raw) });
  await pump.run();
  const item = (await scanEntity(ctx.deps, 'contact')).find((c) => c['channelId'] === channelId && !seen.has(String(c['contactId'])))!;
  seen.add(String(item['contactId']));
  return item;
}

/** Applies the routing stream's out-of-hours reaction to the contact's INSERT record, as the stream processor would. */
async function deliverInsert(item: Record<string, unknown>) {
  const reaction = routingReactions(ctx.deps, ctx.services).find((r) => r.name === 'tell new chat customers we are closed')!;
  const change: ItemChange = { eventName: 'INSERT', entity: 'contact', newImage: item, sequenceNumber: '1' };
  await reaction.react(change);
}

const systemMessagesOf = async (contactId: string) =>
  (await scanEntity<StoredMessage>(ctx.deps, 'message')).filter((m) => m.contactId === contactId && m.direction === 'outbound' && m.authorId === 'system');

describe('out-of-hours auto-reply', () => {
  it('answers a new chat contact in a closed queue once with the next opening, even when the INSERT is delivered twice', async () => {
    // Arrange
    const item = await newTelegramContact('tg-weekdays');
    const contactId = String(item['contactId']);
    // Act
    await deliverInsert(item);
    await deliverInsert(item);
    // Assert
    const messages = await systemMessagesOf(contactId);
    expect(messages.map((m) => m.text)).toEqual(['Сейчас мы не работаем. Ответим, как только откроемся: пн 09:00 (МСК).']);
    const outbox = (await scanEntity<OutboxRecord>(ctx.deps, 'outbox')).filter((r) => r.messageId === messages[0]!.messageId);
    expect(outbox).toHaveLength(1);
    const contact = (await ctx.deps.contacts.get(TENANT, contactId)) as Contact;
    expect(contact).toMatchObject({ status: 'queued', queueId: 'weekdays' });
  });

  it('answers in English when the customer speaks English', async () => {
    // Arrange
    const item = await newTelegramContact('tg-weekdays', 'en');
    // Act
    await deliverInsert(item);
    // Assert
    expect((await systemMessagesOf(String(item['contactId']))).map((m) => m.text)).toEqual(['We are closed now. We will reply as soon as we open: Mon 09:00 (MSK).']);
  });

  it('sends nothing for a contact in an open queue', async () => {
    // Arrange
    const item = await newTelegramContact('tg-always');
    // Act
    await deliverInsert(item);
    // Assert
    expect(await systemMessagesOf(String(item['contactId']))).toEqual([]);
  });
});
