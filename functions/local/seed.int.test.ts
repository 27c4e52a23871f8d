// The demo tenant as `npm start` seeds it, on DynamoDB Local: whoever tries it, at whatever hour,
// gets their first message to an agent they can log in as.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from '@cc/shared/agents/model';
import { toRoutingAgent } from '@cc/shared/contacts/agent-load';
import { readPreChatMenu } from '@cc/shared/conversations/pre-chat';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { isOpen } from '@cc/shared/routing/business-hours';
import type { RoutableContact } from '@cc/shared/routing/model';
import { isAgentEligible } from '@cc/shared/routing/rank-agents';
import type { Channel } from '@cc/shared/tenancy/model';
import { createTestDeps } from '../../test/deps.ts';
import { type DemoFile, seedDemo } from './seed.ts';

let ctx: Awaited<ReturnType<typeof createTestDeps>>;
let demo: DemoFile;
let queues: TenantQueue[];
let channels: Channel[];
let agents: Agent[];

beforeAll(async () => {
  ctx = await createTestDeps();
  demo = await seedDemo(ctx.deps, 'http://127.0.0.1:3000');
  [queues, channels, agents] = await Promise.all([ctx.deps.queues.list(demo.tenantId), ctx.deps.directory.listChannels(demo.tenantId), ctx.deps.agents.list(demo.tenantId)]);
});
afterAll(() => ctx?.table.drop());

/** Moscow wall-clock time (UTC+3 all year) as an instant. */
const moscow = (local: string) => new Date(`${local}+03:00`);

/** The evening the issue was found, a Sunday night, after Saturday's hours, just before opening, a holiday, and office hours. */
const NAMED = ['2026-12-02T21:45', '2026-12-06T03:00', '2026-12-05T19:30', '2026-12-07T08:59', '2026-12-31T12:00', '2026-12-08T12:00'].map(moscow);
/** Every hour of a week, at a quarter to. */
const WEEK = Array.from({ length: 7 * 24 }, (_, hour) => new Date(moscow('2026-12-07T00:45').getTime() + hour * 3_600_000));
const INSTANTS = [...NAMED, ...WEEK];

/** The queue a new chat on the channel lands in by default. */
const landingQueue = (channel: Channel): string => channel.defaultQueueId ?? '(none)';

/** A chat just queued at `at`, as routing sees it. */
const newChat = (channel: Channel, queueId: string, at: Date): RoutableContact => ({
  contactId: `c-${channel.channelId}`,
  queueId,
  channel: channel.kind,
  status: 'queued',
  enqueuedAt: at.toISOString(),
  statusSince: at.toISOString(),
  priority: 0,
  requiredSkills: [],
  excludedAgentIds: [],
});

describe('the demo tenant at any hour', () => {
  it('lands a new chat on every channel in a queue that is open at every hour of the week, holidays included, and the web chat always offers it', () => {
    // Arrange
    const closed: string[] = [];
    // Act
    for (const channel of channels) {
      const queue = queues.find((q) => q.queueId === landingQueue(channel));
      for (const at of INSTANTS) if (!queue || !isOpen(queue, at)) closed.push(`${channel.kind} → ${landingQueue(channel)} at ${at.toISOString()}`);
    }
    // Assert
    expect(channels.map((c) => c.kind).sort()).toEqual(['telegram', 'viber', 'vk', 'webchat', 'whatsapp', 'yandex']);
    expect(closed).toEqual([]);
    expect(readPreChatMenu(channels.find((c) => c.kind === 'webchat')!.settings)?.options.map((o) => o.queueId)).toContain('support');
  });

  it('offers that chat to the first agent login printed (Анна) once she is available, on every channel at every hour', () => {
    // Arrange: the login the README and the console check use
    const login = demo.users.find((u) => u.role === 'agent')!;
    const anna = agents.find((a) => a.agentId === login.userId)!;
    const available = { ...toRoutingAgent(anna), status: 'available' as const };
    const refused: string[] = [];
    // Act
    for (const channel of channels) {
      const queue = queues.find((q) => q.queueId === landingQueue(channel))!;
      for (const at of INSTANTS) if (!isAgentEligible(available, newChat(channel, queue.queueId, at), queue, at)) refused.push(`${channel.kind} → ${queue.queueId} at ${at.toISOString()}`);
    }
    // Assert
    expect(login.login).toBe('anna@romashka.demo');
    expect(refused).toEqual([]);
  });

  it('keeps business hours on sales alone, closed on a weekday evening and open at noon, and served by Анна for a transfer', () => {
    // Arrange
    const sales = queues.find((q) => q.queueId === 'sales')!;
    const anna = { ...toRoutingAgent(agents.find((a) => a.agentId === 'u-agent-1')!), status: 'available' as const };
    const noon = moscow('2026-12-08T12:00');
    const telegram = channels.find((c) => c.kind === 'telegram')!;
    // Act
    const withHours = queues.filter((q) => q.businessHours !== undefined).map((q) => q.queueId);
    // Assert
    expect(withHours).toEqual(['sales']);
    expect([isOpen(sales, moscow('2026-12-02T21:45')), isOpen(sales, moscow('2026-12-06T03:00')), isOpen(sales, noon)]).toEqual([false, false, true]);
    expect(isAgentEligible(anna, newChat(telegram, 'sales', noon), sales, noon)).toBe(true);
    expect(channels.some((c) => c.defaultQueueId === 'sales')).toBe(false);
  });
});

describe('the demo tenant’s evaluation form', () => {
  it('serves every queue with twelve weighted parameters, seven answered from the analysis, and is seeded once', async () => {
    // Act: a second start seeds again
    await seedDemo(ctx.deps, 'http://127.0.0.1:3000', demo);
    const forms = await ctx.deps.qaForms.list(demo.tenantId);
    // Assert
    expect(forms).toHaveLength(1);
    const [form] = forms;
    expect([...form!.queueIds].sort()).toEqual(queues.map((q) => q.queueId).sort());
    expect(form!.parameters).toHaveLength(12);
    expect(form!.parameters.filter((p) => p.link).map((p) => p.link!.category)).toEqual(['greeting', 'filler_words', 'profanity', 'interruptions', 'talk_share', 'escalation_request', 'farewell']);
    expect(form!.parameters.every((p) => p.nameEn && p.weight >= 1)).toBe(true);
  });
});

describe('the demo tenant’s team chat', () => {
  it('has an hour of messages, unread after each one’s own last message, Дмитрий’s mention among them, a direct room listed for both, and is seeded once', async () => {
    // Act: a second start seeds again
    await seedDemo(ctx.deps, 'http://127.0.0.1:3000', demo);
    const dmitry = await ctx.services.teamChat.rooms({ tenantId: demo.tenantId, userId: 'u-agent-2', roles: ['agent'], name: 'Дмитрий Иванов', login: 'dmitry@romashka.demo' });
    const anna = await ctx.services.teamChat.rooms({ tenantId: demo.tenantId, userId: 'u-agent-1', roles: ['agent'], name: 'Анна Петрова', login: 'anna@romashka.demo' });
    // Assert
    expect(dmitry.rooms.map((r) => [r.roomId, r.unread, r.mentions])).toEqual([['team', 1, 0], ['queue:support', 1, 1]]);
    expect(dmitry.rooms[0]!.lastMessage).toMatchObject({ broadcast: true, senderName: 'Олег Кузнецов' });
    expect(anna.rooms.map((r) => r.roomId)).toEqual(['team', 'queue:support', 'queue:sales', 'queue:vip', 'dm:u-agent-1:u-supervisor']);
    expect(anna.rooms.find((r) => r.roomId === 'queue:support')).toMatchObject({ unread: 2, mentions: 0 });
  });
});
