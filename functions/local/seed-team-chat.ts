import type { Principal, Role } from '@cc/shared/auth/model';
import { NotFoundError } from '@cc/shared/errors';
import { directRoomId, TEAM_ROOM_ID } from '@cc/shared/team-chat/values';
import type { Deps } from '../composition/deps.ts';
import { TeamChat } from '../team-chat/team-chat.ts';
import { seedOnce } from './seed-once.ts';

type Sender = { userId: string; role: Role };
const OLEG: Sender = { userId: 'u-supervisor', role: 'supervisor' };
const ANNA: Sender = { userId: 'u-agent-1', role: 'agent' };
const DMITRY: Sender = { userId: 'u-agent-2', role: 'agent' };
const MARIA: Sender = { userId: 'u-agent-3', role: 'agent' };

/** The demo's team chat over the last hour: an announcement to everyone, the support team's morning, one direct message. */
export const DEMO_TEAM_MESSAGES: { from: Sender; roomId: string; minutesAgo: number; text: string; broadcast?: boolean }[] = [
  { from: OLEG, roomId: TEAM_ROOM_ID, minutesAgo: 58, broadcast: true, text: 'Коллеги, в 15:00 короткая планёрка по новым тарифам. Подключайтесь, пожалуйста, все, кто не на линии.' },
  { from: MARIA, roomId: 'queue:support', minutesAgo: 47, text: 'Всем привет! Кто сегодня на поддержке до закрытия?' },
  { from: ANNA, roomId: 'queue:support', minutesAgo: 45, text: 'Я до 21:00. @u-agent-3, вечерние звонки VIP возьму на себя.' },
  { from: DMITRY, roomId: 'queue:support', minutesAgo: 31, text: 'Я на чатах до 18:00. Кстати, скрипт «Возврат заказа» обновили: теперь сразу просим фото брака.' },
  { from: OLEG, roomId: 'queue:support', minutesAgo: 12, text: '@u-agent-2, посмотри, пожалуйста, WhatsApp: там копятся чаты про доставку.' },
  { from: OLEG, roomId: directRoomId(OLEG.userId, ANNA.userId), minutesAgo: 6, text: 'Анна, спасибо за вчерашний разбор жалобы: клиент поставил 5 из 5.' },
];

/**
 * Seeds the demo's team chat once per data folder, through the team chat itself (mentions resolved, direct rooms
 * listed for both people) at the times above, so `npm start` opens a living team room with unread messages.
 */
export async function seedTeamChat(deps: Pick<Deps, 'teamChat' | 'queues' | 'customers' | 'directory' | 'agents' | 'connections' | 'table' | 'clock'>, tenantId: string, now: Date): Promise<boolean> {
  return seedOnce(deps, tenantId, 'team-chat', async () => {
    let at = now;
    // Shared contacts are not seeded: the demo has no contacts yet at first start.
    const chat = new TeamChat({ ...deps, clock: { now: () => at } }, { getContact: async (_principal, contactId) => { throw new NotFoundError('Contact', contactId); } });
    const people = await deps.directory.listUsers(tenantId);
    for (const [i, message] of DEMO_TEAM_MESSAGES.entries()) {
      at = new Date(now.getTime() - message.minutesAgo * 60_000);
      const user = people.find((p) => p.userId === message.from.userId);
      const principal: Principal = { tenantId, userId: message.from.userId, roles: [message.from.role], name: user?.name ?? message.from.userId, login: user?.login ?? message.from.userId };
      await chat.send(principal, message.roomId, { text: message.text, clientMessageId: `demo-${i + 1}`, ...(message.broadcast && { broadcast: true }) });
    }
    return { messages: DEMO_TEAM_MESSAGES.length };
  });
}
