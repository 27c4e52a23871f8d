/**
 * The demo tenant: a Russian company with an admin, a supervisor, four agents with skills, three
 * queues, one channel of every messenger kind with generated secrets, one phone number, an evaluation form and an hour of team chat.
 * Idempotent: with the previous run's demo file the same logins and secrets are kept.
 */
import { randomBytes } from 'node:crypto';
import { menuCallFlow } from '@cc/shared/voice/default-flow';
import type { Agent } from '@cc/shared/agents/model';
import type { Role } from '@cc/shared/auth/model';
import type { TenantQueue } from '@cc/shared/queues/ports';
import { MESSENGER_KINDS, type MessengerKind } from '@cc/shared/channels/catalog';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import type { Deps } from '../composition/deps.ts';
import { hashPassword } from '../auth/password.ts';
import { seedWrapUp } from './seed-wrap-up.ts';
import { seedQaForm } from './seed-qa.ts';
import { seedScripts } from './seed-scripts.ts';
import { seedTeamChat } from './seed-team-chat.ts';

export interface DemoUser {
  login: string;
  password: string;
  role: Role;
  name: string;
  userId: string;
}
export interface DemoChannel {
  type: MessengerKind;
  channelId: string;
  name: string;
  /** Where the provider posts updates; for the web chat, the script a site embeds instead. */
  webhookUrl?: string;
  embed?: string;
  auth: Record<string, string>;
}
/** `.data/demo.json`: what a person or a check needs to try the running contact center. */
export interface DemoFile {
  baseUrl: string;
  tenantId: string;
  tenantName: string;
  users: DemoUser[];
  channels: DemoChannel[];
  phoneNumbers: { e164: string; name: string }[];
  /** Origins of the widget demo page added to the web chat channel's `allowedOrigins` (replaced on the next start). */
  widgetOrigins?: string[];
}

export const DEMO_TENANT_ID = 'romashka';

/** The demo number's menu: 1 → the 24/7 support queue (so a call reaches Анна at any hour), 2 → sales, with its hours. */
export function demoCallFlow() {
  return menuCallFlow(
    [
      { digit: '1', queueId: 'support', label: 'Поддержка', prompt: { ru: 'Для службы поддержки нажмите 1.', en: 'For support, press 1.' } },
      { digit: '2', queueId: 'sales', label: 'Продажи', prompt: { ru: 'Для отдела продаж нажмите 2.', en: 'For sales, press 2.' } },
    ],
    'support',
  );
}
const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');
const password = () => `${secret(6)}-${secret(6)}`.replace(/[_-]/g, 'x');

const PEOPLE: { userId: string; login: string; name: string; role: Role; skills?: Agent['skills']; queueIds?: string[] }[] = [
  { userId: 'u-admin', login: 'admin@romashka.demo', name: 'Ирина Смирнова', role: 'admin' },
  { userId: 'u-supervisor', login: 'supervisor@romashka.demo', name: 'Олег Кузнецов', role: 'supervisor' },
  { userId: 'u-agent-1', login: 'anna@romashka.demo', name: 'Анна Петрова', role: 'agent', skills: [{ skill: 'support', level: 5 }, { skill: 'sales', level: 8 }, { skill: 'russian', level: 10 }, { skill: 'english', level: 6 }], queueIds: ['support', 'sales', 'vip'] },
  { userId: 'u-agent-2', login: 'dmitry@romashka.demo', name: 'Дмитрий Иванов', role: 'agent', skills: [{ skill: 'support', level: 7 }, { skill: 'russian', level: 10 }], queueIds: ['support'] },
  { userId: 'u-agent-3', login: 'maria@romashka.demo', name: 'Мария Соколова', role: 'agent', skills: [{ skill: 'support', level: 9 }, { skill: 'sales', level: 4 }, { skill: 'russian', level: 10 }], queueIds: ['support', 'sales'] },
  { userId: 'u-agent-4', login: 'alexey@romashka.demo', name: 'Алексей Волков', role: 'agent', skills: [{ skill: 'vip', level: 9 }, { skill: 'sales', level: 9 }, { skill: 'russian', level: 10 }, { skill: 'english', level: 8 }], queueIds: ['vip', 'sales'] },
];

/**
 * Routing set-up of the demo agents: capacities (Анна and Мария take calls or chats, Дмитрий chats only, Алексей calls and chats together) and profiles.
 * Анна, the first agent login printed, serves the 24/7 support queue every channel lands in, so the demo answers at any hour.
 */
const ROUTING: Record<string, Pick<Agent, 'capacity' | 'voiceBlocksChats' | 'profile'>> = {
  'u-agent-1': { capacity: { voice: 1, chat: 3 }, voiceBlocksChats: true, profile: [{ queueId: 'support', priority: 0, delaySeconds: 0 }, { queueId: 'sales', priority: 0, delaySeconds: 0 }, { queueId: 'vip', priority: 5, delaySeconds: 0 }] },
  'u-agent-2': { capacity: { voice: 0, chat: 4 }, voiceBlocksChats: true, profile: [{ queueId: 'support', priority: 0, delaySeconds: 0 }] },
  'u-agent-3': { capacity: { voice: 1, chat: 2 }, voiceBlocksChats: true, profile: [{ queueId: 'support', priority: 2, delaySeconds: 0 }, { queueId: 'sales', priority: 0, delaySeconds: 30 }] },
  'u-agent-4': { capacity: { voice: 1, chat: 2 }, voiceBlocksChats: false, profile: [{ queueId: 'vip', priority: 5, delaySeconds: 0 }, { queueId: 'sales', priority: 0, delaySeconds: 15 }] },
};

/** Sales is the one queue with hours (Moscow time), to show out-of-hours behaviour; support and VIP are open around the clock. */
const WEEKDAYS_9_TO_21 = { mon: [{ open: '09:00', close: '21:00' }], tue: [{ open: '09:00', close: '21:00' }], wed: [{ open: '09:00', close: '21:00' }], thu: [{ open: '09:00', close: '21:00' }], fri: [{ open: '09:00', close: '21:00' }], sat: [{ open: '10:00', close: '18:00' }] };

/** The demo agents as seeded: offline, with their skills, queues, capacities and routing profiles. */
export function demoAgents(tenantId: string, now: string): Agent[] {
  return PEOPLE.filter((person) => person.role === 'agent').map((person) => {
    const routing = ROUTING[person.userId];
    return { tenantId, agentId: person.userId, name: person.name, status: 'offline', statusSince: now, skills: person.skills ?? [], queueIds: routing?.profile?.map((p) => p.queueId) ?? person.queueIds ?? [], version: 1, ...routing, load: { voice: 0, chat: 0 }, wrapping: 0, missedOffers: 0 };
  });
}

/** The demo queues: VIP (overflowing to sales), sales with business hours, support around the clock. */
export function demoQueues(tenantId: string): TenantQueue[] {
  const base = { tenantId, timeZone: 'Europe/Moscow', offerTimeoutSeconds: 20, ageingPerMinute: 1 };
  return [
    { ...base, queueId: 'vip', name: 'VIP', priority: 10, serviceLevel: { targetPercent: 90, thresholdSeconds: 10 }, afterContactWorkSeconds: 30, maxWaitSeconds: 120, overflowQueueId: 'sales', requiredSkills: { byChannel: { voice: [{ skill: 'vip', level: 5 }] }, byMenuChoice: {} } },
    { ...base, queueId: 'sales', name: 'Продажи', priority: 5, serviceLevel: { targetPercent: 80, thresholdSeconds: 20 }, afterContactWorkSeconds: 20, businessHours: { weekly: WEEKDAYS_9_TO_21, holidays: ['2026-12-31', '2027-01-01', '2027-01-07'] }, requiredSkills: { byChannel: { voice: [{ skill: 'sales', level: 3 }], telegram: [{ skill: 'sales', level: 1 }] }, byMenuChoice: {} } },
    { ...base, queueId: 'support', name: 'Поддержка', priority: 3, serviceLevel: { targetPercent: 80, thresholdSeconds: 30 }, afterContactWorkSeconds: 30, requiredSkills: { byChannel: { voice: [{ skill: 'support', level: 3 }], webcall: [{ skill: 'support', level: 3 }] }, byMenuChoice: {} } },
  ];
}

/** Fresh provider secrets for each messenger kind, named as the provider names them; a new kind must add its own. */
const DEMO_SECRETS: { [K in MessengerKind]: () => Record<string, string> } = {
  // The webhook secret first: tools that pick the first `secret`/`token` key must get the one Telegram sends.
  telegram: () => ({ secretToken: secret(), botToken: `${100000000 + randomBytes(3).readUIntBE(0, 3)}:${secret(26)}` }),
  whatsapp: () => ({ accessToken: `EAAG${secret(40)}`, appSecret: secret(16), verifyToken: secret(12), phoneNumberId: String(100000000000000 + randomBytes(4).readUInt32BE(0)) }),
  vk: () => ({ accessToken: `vk1.a.${secret(40)}`, secret: secret(16), confirmation: secret(6).toLowerCase(), groupId: String(200000000 + randomBytes(2).readUInt16BE(0)) }),
  viber: () => ({ token: `${secret(8)}-${secret(8)}-${secret(8)}` }),
  webchat: () => ({}),
  yandex: () => ({ skillId: crypto.randomUUID() }),
};

/** The demo channel of each messenger kind: every one lands in the 24/7 support queue; sales (with hours) is reached by a transfer or the web chat's department menu. */
const DEMO_CHANNELS: { [K in MessengerKind]: { name: string; defaultQueueId: string } } = {
  telegram: { name: 'Telegram @romashka_bot', defaultQueueId: 'support' },
  whatsapp: { name: 'WhatsApp +7 495 123-45-67', defaultQueueId: 'support' },
  vk: { name: 'ВКонтакте «Ромашка»', defaultQueueId: 'support' },
  viber: { name: 'Viber Ромашка', defaultQueueId: 'support' },
  webchat: { name: 'Чат на сайте', defaultQueueId: 'support' },
  yandex: { name: 'Навык Алисы «Ромашка»', defaultQueueId: 'support' },
};
/** The demo channels in catalog order, as the demo file lists them. */
const CHANNELS = MESSENGER_KINDS.map((kind) => ({ kind, ...DEMO_CHANNELS[kind] }));

/** The web chat widget's departments: the same two as a pre-chat menu (the widget lists only those open and staffed, so after hours only support). */
const WEBCHAT_MENU = { prompt: 'Здравствуйте! Выберите, пожалуйста, отдел:', options: [{ title: 'Продажи', queueId: 'sales' }, { title: 'Поддержка', queueId: 'support' }] };

/**
 * Seeds the demo tenant, reusing `previous` logins and secrets when it matches this data. The web chat
 * channel allows `options.widgetOrigins` (the widget demo page) on every start, in place of the previous run's.
 */
export async function seedDemo(deps: Deps, baseUrl: string, previous?: DemoFile, options: { widgetOrigins?: string[] } = {}): Promise<DemoFile> {
  const tenantId = DEMO_TENANT_ID;
  const existing = await deps.directory.getTenant(tenantId);
  const reuse = existing && previous?.tenantId === tenantId ? previous : undefined;
  const now = deps.clock.now().toISOString();

  const users: DemoUser[] = PEOPLE.map((p) => ({ login: p.login, password: reuse?.users.find((u) => u.login === p.login)?.password ?? password(), role: p.role, name: p.name, userId: p.userId }));
  const channels: DemoChannel[] = CHANNELS.map((c) => {
    const old = reuse?.channels.find((x) => x.type === c.kind);
    const channelId = old?.channelId ?? `${c.kind}-${secret(6).toLowerCase().replace(/[^a-z0-9]/g, '0')}`;
    // The web chat has no provider webhook: sites embed the widget script instead.
    const endpoint = c.kind === 'webchat' ? { embed: `<script src="${baseUrl}/widget.js" data-channel="${channelId}" async></script>` } : { webhookUrl: `${baseUrl}/webhooks/${c.kind}/${channelId}` };
    return { type: c.kind, channelId, name: c.name, ...endpoint, auth: old?.auth ?? DEMO_SECRETS[c.kind]() };
  });
  const phoneNumbers = [{ e164: '+74951234567', name: 'Основной номер' }];

  if (!reuse) {
    for (const [i, person] of PEOPLE.entries()) {
      await deps.directory.putUser({ tenantId, userId: person.userId, login: person.login, name: person.name, roles: [person.role], passwordHash: await hashPassword(users[i]!.password) });
    }
    for (const agent of demoAgents(tenantId, now)) await deps.agents.put(agent);
    for (const queue of demoQueues(tenantId)) await deps.queues.put(queue);
    for (const [i, channel] of channels.entries()) {
      const spec = CHANNELS[i]!;
      const settings = channel.type === 'webchat' ? { allowedOrigins: options.widgetOrigins ?? [], preChatMenu: WEBCHAT_MENU, webcall: true } : {};
      await deps.directory.putChannel({ tenantId, channelId: channel.channelId, kind: channel.type, name: channel.name, defaultQueueId: spec.defaultQueueId, settings, encryptedSecrets: await deps.cipher.encrypt(JSON.stringify(channel.auth), channelSecretContext(tenantId, channel.channelId)), createdAt: now });
    }
    for (const phone of phoneNumbers) await deps.directory.putPhoneNumber({ tenantId, ...phone, defaultQueueId: 'support' });
    // The tenant record goes last: its presence means the seed completed.
    await deps.directory.putTenant({ tenantId, name: 'ООО «Ромашка»', timeZone: 'Europe/Moscow', locale: 'ru', createdAt: now }, { overwrite: true });
  }

  await seedWrapUp(deps, tenantId, now);
  await seedQaForm(deps, tenantId, new Date(now));
  await seedScripts(deps, tenantId, 'u-supervisor', new Date(now));
  await seedTeamChat(deps, tenantId, new Date(now));
  // A data folder from before voice has the number without a flow: it gets the demo menu too.
  for (const phone of phoneNumbers) if (!(await deps.calls.getFlow(tenantId, phone.e164))) await deps.calls.putFlow(tenantId, phone.e164, demoCallFlow());

  const webchat = channels.find((c) => c.type === 'webchat');
  const origins = options.widgetOrigins;
  if (reuse && webchat && origins) {
    // The demo page's port may differ from the last run's: swap its origins, keep any an admin added.
    const stored = await deps.directory.getChannel(tenantId, webchat.channelId);
    if (stored) {
      const listed = Array.isArray(stored.settings['allowedOrigins']) ? (stored.settings['allowedOrigins'] as string[]) : [];
      const kept = listed.filter((o) => !(previous?.widgetOrigins ?? []).includes(o) && !origins.includes(o));
      await deps.directory.putChannel({ ...stored, settings: { preChatMenu: WEBCHAT_MENU, webcall: true, ...stored.settings, allowedOrigins: [...kept, ...origins] } });
    }
  }

  return { baseUrl, tenantId, tenantName: 'ООО «Ромашка»', users, channels, phoneNumbers, ...(origins && { widgetOrigins: origins }) };
}
