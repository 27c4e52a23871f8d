/**
 * One generated day of a tenant, played as the contact center would: customers arrive (profile.ts), wait in their
 * queue and are offered to agents by the routing ranking itself (`rankAgentsForContact`: queues served, skills,
 * capacity, profile delays), agents' load and presence move by routing's own `holdSlot`/`startWrapUp`/`releaseSlot`,
 * and contacts by `moveContact`. Every stored version is kept as the change the stream would carry (before and
 * after), so `eventsOf` turns the day into metric events exactly as the metrics reaction does. Pure and seeded.
 */
import type { Agent, BreakReason } from '../../agents/model.ts';
import { addDays, localTime, startOfLocalDate } from '../../calendar/values.ts';
import { mediaOf, type ChannelKind } from '../../channels/catalog.ts';
import { holdSlot, releaseSlot, startWrapUp, toRoutingAgent } from '../../contacts/agent-load.ts';
import type { Contact } from '../../contacts/model.ts';
import { moveContact } from '../../contacts/move-contact.ts';
import { REPLACED_BY_CALLBACK } from '../../contacts/values.ts';
import type { TenantQueue } from '../../queues/ports.ts';
import { isOpen } from '../../routing/business-hours.ts';
import { rankAgentsForContact } from '../../routing/rank-agents.ts';
import type { ContactStatus } from '../../routing/model.ts';
import type { TransitionOptions } from '../../routing/lifecycle.ts';
import type { ChatMessage } from '../chat-events.ts';
import type { ContactFacts } from '../contact-events.ts';
import type { MetricChange } from '../events-of.ts';
import { REPEAT_WINDOW_HOURS } from '../values.ts';
import { drawDurations, planDay, type Arrival, type HistoryProfile, type ScheduleStep } from './profile.ts';
import { between, chance, pickWeighted, seededRandom, type Random } from './random.ts';

export interface HistoryInput {
  tenantId: string;
  /** The local day to play (YYYY-MM-DD in `timeZone`). */
  date: string;
  timeZone: string;
  /** The agents as stored (skills, routing profile, capacity); each starts the day offline and idle. */
  agents: readonly Agent[];
  queues: readonly TenantQueue[];
  profile: HistoryProfile;
  /** The same seed and date always give the same day. */
  seed: string;
  /** Wrap-up topics an agent may pick. */
  topics?: readonly { topicId: string; name: string }[];
  /** Who listens in to a few calls. */
  supervisor?: { userId: string; name: string };
}

export interface HistoryDay {
  date: string;
  /** Every stored change of the day, in the order it happened. */
  changes: MetricChange[];
  /** Each contact as it ended the day. */
  contacts: Contact[];
}

/** How often things happen (shares of the contacts they can happen to). */
const RATES = { missedOffer: 0.04, transfer: 0.06, callbackInsteadOfWaiting: 0.35, repeat: 0.08, hold: 0.25, monitored: 0.04, topic: 0.75, survey: 0.45, chatSurvey: 0.3, nps: 0.7 };
/** While anyone waits, routing looks again this often (profile delays, agents back from a break). */
const TICK_MS = 5_000;
const SURVEY_SCORES = { '5': 48, '4': 27, '3': 12, '2': 7, '1': 6 } as const;

interface Live {
  last: Contact;
  patienceAt: number;
  conversationSeconds: number;
  messages: ChatMessage[];
}
interface Staff {
  record: Agent;
  /** A break or the end of the shift waiting for the agent's contacts to end; no new offers meanwhile. */
  pending?: { kind: 'break'; reason: BreakReason; minutes: number } | { kind: 'end' };
}

/** A time-ordered agenda of what happens next (ties keep their order). */
class Agenda {
  private readonly items: { at: number; seq: number; run: () => void }[] = [];
  private seq = 0;
  at(at: number, run: () => void): void {
    const item = { at, seq: this.seq++, run };
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    this.items.splice(lo, 0, item);
  }
  next(): { at: number; run: () => void } | undefined {
    return this.items.shift();
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Plays one local day. @returns its changes in order and its contacts */
export function simulateDay(input: HistoryInput): HistoryDay {
  const { tenantId, date, timeZone } = input;
  const random: Random = seededRandom(`${input.seed}#${date}`);
  const midnight = startOfLocalDate(date, timeZone).getTime();
  const dayEnd = startOfLocalDate(addDays(date, 1), timeZone).getTime();
  const { arrivals, schedule } = planDay(random, date, localTime(new Date(midnight), timeZone).weekday, timeZone, input.profile);
  const queues = new Map(input.queues.map((q) => [q.queueId, q]));
  const agenda = new Agenda();
  const changes: MetricChange[] = [];
  const live = new Map<string, Live>();
  const all: Live[] = [];
  const staff = new Map(input.agents.map((a): [string, Staff] => {
    const { breakReason: _, statusSetBy: _by, ...agent } = a;
    return [a.agentId, { record: { ...agent, status: 'offline', statusSince: iso(midnight), load: { voice: 0, chat: 0 }, wrapping: 0, version: 1 } }];
  }));
  let sequence = 0;
  let tickAt: number | undefined;

  const thresholdSeconds = (queueId: string) => queues.get(queueId)?.serviceLevel.thresholdSeconds ?? 20;
  const open = (queueId: string, at: Date) => { const queue = queues.get(queueId); return queue === undefined || isOpen(queue, at); };
  const write = (c: Live, after: Contact, extra: Partial<ContactFacts> = {}) => {
    changes.push({ kind: 'contact', before: c.last, after, facts: { thresholdSeconds, isOpen: open, ...extra } });
    c.last = after;
  };
  const move = (c: Live, at: number, ...moves: [ContactStatus, Omit<TransitionOptions, 'at'>?][]) => write(c, moveContact(c.last, moves.map(([to, options]) => [to, { at: new Date(at), ...options }])));
  const patch = (c: Live, fields: Partial<Contact>) => write(c, { ...c.last, ...fields, version: c.last.version + 1 });
  const setAgent = (s: Staff, after: Agent) => {
    changes.push({ kind: 'agent', before: s.record, after });
    s.record = after;
  };
  const presence = (s: Staff, at: number, status: Agent['status'], breakReason?: BreakReason) => {
    const { breakReason: _, ...agent } = s.record;
    setAgent(s, { ...agent, status, statusSince: iso(at), ...(status === 'available' && { idleSince: iso(at) }), ...(breakReason && { breakReason }), version: agent.version + 1 });
  };
  const finish = (c: Live) => void live.delete(c.last.contactId);
  const held = (s: Staff) => (s.record.load?.voice ?? 0) + (s.record.load?.chat ?? 0);

  /** Creates a contact, as routing's `createContact` does (a callback keeps the place of the call it replaces). */
  const create = (at: number, queueId: string, channel: ChannelKind, durations: Pick<Arrival, 'patienceSeconds' | 'conversationSeconds'>, replaces?: Live): Live => {
    const contactId = `h-${date}-${++sequence}`;
    const earlier = replaces ? undefined : chance(random, RATES.repeat) ? repeatable(all.map((x) => x.last), at) : undefined;
    const customerId = replaces?.last.customerId ?? earlier?.customerId ?? `hc-${date}-${sequence}`;
    const created = iso(at);
    const contact: Contact = {
      tenantId, contactId, queueId, channel, status: 'queued', enqueuedAt: replaces?.last.enqueuedAt ?? created, statusSince: created, priority: 0, requiredSkills: [], excludedAgentIds: [],
      customerId, createdAt: created, history: [{ contactId, from: 'new', to: 'queued', at: created, reason: `created (${channel})` }], version: 1,
      ...(replaces && { previousContactId: replaces.last.contactId }),
    };
    const c: Live = { last: contact, patienceAt: replaces ? dayEnd - 60_000 : at + durations.patienceSeconds * 1000, conversationSeconds: durations.conversationSeconds, messages: mediaOf(channel) === 'chat' ? [{ direction: 'inbound', sentAt: created }] : [] };
    const repeatOf = earlier && { contactId: earlier.contactId, closedAt: earlier.statusSince, queueId: earlier.queueId, channel: earlier.channel, ...(earlier.agentId !== undefined && { agentId: earlier.agentId }) };
    changes.push({ kind: 'contact', before: undefined, after: contact, facts: { thresholdSeconds, isOpen: open, ...(repeatOf && { repeatOf }) } });
    live.set(contactId, c);
    all.push(c);
    awaitPatience(c);
    const queue = queues.get(queueId);
    if (queue?.maxWaitSeconds !== undefined && queue.overflowQueueId !== undefined) agenda.at(Date.parse(contact.enqueuedAt) + queue.maxWaitSeconds * 1000, () => overflow(c, queue));
    return c;
  };

  /** The customer leaves at `patienceAt` if still waiting then (a transfer sets a new one; the old moment passes unseen). */
  const awaitPatience = (c: Live) => {
    const at = c.patienceAt;
    agenda.at(at, () => at === c.patienceAt && leave(c, at));
  };

  const dispatch = (now: number) => {
    const waiting = [...live.values()].filter((c) => c.last.status === 'queued').sort((a, b) => (queues.get(b.last.queueId)?.priority ?? 0) - (queues.get(a.last.queueId)?.priority ?? 0) || a.last.enqueuedAt.localeCompare(b.last.enqueuedAt));
    let left = 0;
    for (const c of waiting) {
      const queue = queues.get(c.last.queueId);
      const ready = [...staff.values()].filter((s) => !s.pending && (s.record.status === 'available' || s.record.status === 'busy')).map((s) => toRoutingAgent(s.record));
      const best = queue && rankAgentsForContact(c.last, ready, queue, new Date(now))[0];
      if (best) offer(c, staff.get(best.agentId)!, now);
      else left++;
    }
    if (left > 0 && tickAt === undefined) agenda.at((tickAt = now + TICK_MS), () => { tickAt = undefined; dispatch(now + TICK_MS); });
  };

  const offer = (c: Live, s: Staff, now: number) => {
    const media = mediaOf(c.last.channel);
    move(c, now, ['offered', { agentId: s.record.agentId }]);
    setAgent(s, holdSlot(s.record, media, new Date(now)));
    if (chance(random, RATES.missedOffer)) {
      const at = now + (queues.get(c.last.queueId)?.offerTimeoutSeconds ?? 20) * 1000;
      agenda.at(at, () => {
        move(c, at, ['missed'], ['queued']);
        release(s, media, at, { missed: true });
        if (at >= c.patienceAt) leave(c, at);
        dispatch(at);
      });
    } else {
      const at = now + Math.round(between(random, 2, 9) * 1000);
      agenda.at(at, () => connect(c, s, at));
    }
  };

  const connect = (c: Live, s: Staff, now: number) => {
    const { agentId } = s.record;
    move(c, now, ['connected', { agentId }]);
    const voice = mediaOf(c.last.channel) === 'voice';
    const end = now + c.conversationSeconds * 1000;
    if (c.last.channel === 'callback') patch(c, { dialAttempts: [{ at: iso(now + 1000), result: 'answered' }] });
    if (voice && chance(random, RATES.hold)) {
      const at = now + c.conversationSeconds * 500;
      const hold = { totalSeconds: Math.round(between(random, 10, c.conversationSeconds / 3)), count: chance(random, 0.7) ? 1 : 2 };
      agenda.at(at, () => patch(c, { hold }));
    }
    if (voice && input.supervisor && chance(random, RATES.monitored)) {
      const since = now + 30_000;
      patch(c, { supervision: [{ ...input.supervisor, role: 'listen', since: iso(since), until: iso(Math.min(end, since + 120_000)) }] });
    }
    if (!voice) c.messages.push(...chatLeg(random, agentId, now, end));
    agenda.at(end, () => hangUp(c, s, end));
  };

  const hangUp = (c: Live, s: Staff, now: number) => {
    const media = mediaOf(c.last.channel);
    const target = input.profile.transferTargets[c.last.queueId];
    const transferred = c.last.history.some((h) => h.to === 'transferred');
    if (target && !transferred && chance(random, RATES.transfer)) {
      move(c, now, ['transferred', { reason: `transferred to ${target}` }], ['queued', { queueId: target }]);
      c.conversationSeconds = drawDurations(random, c.last.channel).conversationSeconds;
      c.patienceAt = now + 900_000;
      awaitPatience(c);
      release(s, media, now);
      dispatch(now);
      return;
    }
    move(c, now, ['after-contact-work']);
    setAgent(s, startWrapUp(s.record, new Date(now)));
    const at = now + Math.round(between(random, 10, queues.get(c.last.queueId)?.afterContactWorkSeconds ?? 30) * 1000);
    agenda.at(at, () => close(c, s, at));
  };

  const close = (c: Live, s: Staff, now: number) => {
    const topic = input.topics?.length && chance(random, RATES.topic) ? input.topics[Math.floor(random() * input.topics.length)] : undefined;
    const wrapped: Contact = topic ? { ...c.last, wrapUp: { topics: [{ topicId: topic.topicId, name: topic.name }], agentId: s.record.agentId, completedAt: iso(now) } } : c.last;
    const messages = mediaOf(c.last.channel) === 'chat' ? c.messages : undefined;
    write(c, moveContact(wrapped, [['closed', { at: new Date(now) }]]), messages ? { messages } : {});
    release(s, mediaOf(c.last.channel), now, { wasWrapping: true });
    survey(c, now);
    finish(c);
    dispatch(now);
  };

  /**
   * The survey after a handled contact: asked on the keypad after a call, sent into the chat after a chat; answered by
   * some customers (a 1–5 rating, and most of them the 0–10 NPS question too, which goes with the rating).
   */
  const survey = (c: Live, now: number) => {
    const voice = mediaOf(c.last.channel) === 'voice';
    const via = voice ? 'keypad' : c.last.channel === 'webchat' ? 'widget' : 'messenger';
    patch(c, { surveyRequest: { sentAt: iso(now), via, nps: true, ...(!voice && { expiresAt: iso(now + 24 * 3600_000) }) } });
    if (!chance(random, voice ? RATES.survey : RATES.chatSurvey)) return;
    const at = now + Math.round(between(random, voice ? 15 : 30, voice ? 50 : 900) * 1000);
    const score = Number(pickWeighted(random, SURVEY_SCORES));
    const nps = chance(random, RATES.nps) ? Math.min(10, Math.max(0, score * 2 - Math.floor(random() * 2))) : undefined;
    agenda.at(at, () => patch(c, { survey: { score, ...(nps !== undefined && { nps, npsAnsweredAt: iso(at + 5000) }), answeredAt: iso(at), via } }));
  };

  /** The customer's patience ran out while waiting: a caller asks for a callback at times, else leaves. */
  const leave = (c: Live, now: number) => {
    if (c.last.status !== 'queued' || !live.has(c.last.contactId)) return;
    const waited = (now - Date.parse(c.last.enqueuedAt)) / 1000;
    const staffed = [...staff.values()].some((s) => s.record.status !== 'offline' && !s.pending);
    if (c.last.channel === 'voice' && waited > 30 && staffed && now < dayEnd - 4 * 3600_000 && chance(random, RATES.callbackInsteadOfWaiting)) {
      const callback = create(now, c.last.queueId, 'callback', drawDurations(random, 'callback'), c);
      move(c, now, ['transferred', { reason: `callback ${callback.last.contactId} requested` }], ['closed', { reason: REPLACED_BY_CALLBACK }]);
      finish(c);
      dispatch(now);
      return;
    }
    move(c, now, ['abandoned', { reason: c.last.channel === 'callback' ? 'the customer was not reached today' : mediaOf(c.last.channel) === 'voice' ? 'caller hung up while waiting' : 'the customer left the chat' }]);
    finish(c);
  };

  const overflow = (c: Live, queue: TenantQueue) => {
    if (c.last.status !== 'queued' || c.last.queueId !== queue.queueId || !queue.overflowQueueId) return;
    const at = Date.parse(c.last.enqueuedAt) + (queue.maxWaitSeconds ?? 0) * 1000;
    move(c, at, ['transferred', { reason: 'overflow' }], ['queued', { queueId: queue.overflowQueueId, reason: `overflow from ${queue.queueId}` }]);
    dispatch(at);
  };

  /** An agent gives a slot back; a break or the end of the shift waiting for them begins once they hold nothing. */
  const release = (s: Staff, media: 'voice' | 'chat', now: number, options: { wasWrapping?: boolean; missed?: boolean } = {}) => {
    setAgent(s, releaseSlot(s.record, media, new Date(now), options));
    if (s.pending && held(s) === 0) startPending(s, now);
  };
  const startPending = (s: Staff, now: number) => {
    const pending = s.pending!;
    if (pending.kind === 'end') {
      s.pending = undefined;
      presence(s, now, 'offline');
      return;
    }
    presence(s, now, 'break', pending.reason);
    const back = now + pending.minutes * 60_000;
    agenda.at(back, () => {
      if (s.pending === pending) s.pending = undefined;
      if (s.record.status !== 'break') return;
      if (s.pending) startPending(s, back);
      else {
        presence(s, back, 'available');
        dispatch(back);
      }
    });
  };
  const step = (s: ScheduleStep) => {
    const member = staff.get(s.agentId);
    if (!member) return;
    if (s.kind === 'start') {
      presence(member, s.at, 'available');
      dispatch(s.at);
      return;
    }
    if (s.kind === 'break' && (member.record.status === 'break' || member.record.status === 'offline' || member.pending)) return;
    member.pending = s.kind === 'break' ? { kind: 'break', reason: s.reason, minutes: s.minutes } : { kind: 'end' };
    if (held(member) === 0 && member.record.status !== 'break') startPending(member, s.at);
  };

  for (const a of arrivals) {
    agenda.at(a.at, () => {
      const queueId = open(a.queueId, new Date(a.at)) ? a.queueId : (input.profile.whenClosed[a.queueId] ?? a.queueId);
      create(a.at, queueId, a.channel, a);
      dispatch(a.at);
    });
  }
  for (const s of schedule) agenda.at(s.at, () => step(s));
  for (let item = agenda.next(); item; item = agenda.next()) item.run();
  return { date, changes, contacts: all.map((c) => c.last) };
}

/** A customer's earlier contact today, answered and completed within the repeat window: whom a repeat comes back from. */
function repeatable(done: readonly Contact[], at: number): Contact | undefined {
  const answered = done.filter((c) => c.status === 'closed' && c.connectedAt !== undefined && Date.parse(c.statusSince) <= at && at - Date.parse(c.statusSince) <= REPEAT_WINDOW_HOURS * 3600_000);
  return answered.at(-1);
}

/** A chat's messages while an agent is on it: a reply soon after connecting, then a few exchanges. */
function chatLeg(random: Random, agentId: string, from: number, to: number): ChatMessage[] {
  const out: ChatMessage[] = [{ direction: 'outbound', sentAt: iso(from + Math.round(between(random, 5, 40) * 1000)), authorId: agentId }];
  const exchanges = 1 + Math.floor(random() * 4);
  for (let i = 0; i < exchanges; i++) {
    const inbound = from + ((i + 1) / (exchanges + 1)) * (to - from);
    out.push({ direction: 'inbound', sentAt: iso(Math.round(inbound)) }, { direction: 'outbound', sentAt: iso(Math.round(Math.min(to, inbound + between(random, 8, 90) * 1000))), authorId: agentId });
  }
  return out;
}
