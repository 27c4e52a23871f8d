/**
 * The metric events of one contact change (the stream's old and new image). Only history entries the change
 * appended count, each keyed by its position in the history, so a redelivered or reordered record adds nothing
 * twice; the survey and dial attempts are keyed the same way. See docs/metrics.md for what counts where.
 */
import { CHANNEL_CATALOG, type ChannelKind } from '../channels/catalog.ts';
import type { Contact } from '../contacts/model.ts';
import { CALLBACK_REQUESTED, ENDED_BY_SUPERVISOR, REPLACED_BY_CALLBACK } from '../contacts/values.ts';
import { secondsBetween, type MetricEvent } from './events.ts';
import { agentAnswerSeconds, chatEvents, type ChatMessage } from './chat-events.ts';
import { npsGroupOf } from '../surveys/values.ts';
import { SHORT_ABANDON_SECONDS, type MaxMeasure, type SumMeasure } from './values.ts';

/** What the change alone does not say, looked up by the metrics reaction. */
export interface ContactFacts {
  /** The service-level threshold of a queue, in seconds. */
  thresholdSeconds(queueId: string): number;
  /** Whether the queue was open at `at` (business hours and holidays). */
  isOpen(queueId: string, at: Date): boolean;
  /** For a new contact: the customer's previous contact, completed within the repeat window. */
  repeatOf?: { contactId: string; closedAt: string; queueId: string; agentId?: string; channel: ChannelKind };
  /** For a chat that just completed: its messages, for counts and response times. */
  messages?: readonly ChatMessage[];
}

type Add = Partial<Record<SumMeasure, number>>;
type Max = Partial<Record<MaxMeasure, number>>;

/** The events `after` adds to what `before` (absent for a new contact) had already counted. */
export function contactEvents(before: Contact | undefined, after: Contact, facts: ContactFacts): MetricEvent[] {
  const events: MetricEvent[] = [];
  const { contactId, channel } = after;
  const start = before?.history.length ?? 0;
  const entries = after.history.slice(start);
  let queueId = before?.queueId ?? after.queueId;
  let enqueuedAt = before?.enqueuedAt ?? after.enqueuedAt;
  let connectedAt = before?.connectedAt;
  let wrapUpSince = before?.status === 'after-contact-work' ? before.statusSince : undefined;
  const voice = CHANNEL_CATALOG[channel].media === 'voice';
  const push = (index: number | string, at: string, add: Add, agentId?: string, maxWait?: number, max: Max = {}) => {
    const maxima: Max = { ...(maxWait !== undefined && { maxQueueWaitSeconds: maxWait }), ...max };
    events.push({ id: `${contactId}#${index}`, at, queueId, channel, add, ...(agentId !== undefined && { agentId }), ...(Object.keys(maxima).length > 0 && { max: maxima }) });
  };

  entries.forEach((entry, k) => {
    const index = start + k;
    const { at, agentId } = entry;
    const from = entry.from as string;
    const next = after.history[index + 1];
    const waited = secondsBetween(enqueuedAt, at);
    const inTime = waited <= facts.thresholdSeconds(queueId);
    const leftQueue: Add = { queueLeft: 1, queueWaitSeconds: waited };
    if (from === 'new') {
      const add: Add = { arrived: 1, queued: 1 };
      if (!facts.isOpen(queueId, new Date(at))) add.outOfHours = 1;
      if (channel === 'callback') add.callbacksRequested = 1;
      if (after.voicemail) add.voicemails = 1;
      if (facts.repeatOf) add.repeatContacts = 1;
      push(index, at, add);
      return;
    }
    switch (entry.to) {
      case 'queued':
        if (from === 'transferred') {
          queueId = after.queueId;
          enqueuedAt = at;
          connectedAt = undefined;
          push(index, at, { queued: 1, transferredIn: 1 });
        }
        return;
      case 'offered':
        return void push(index, at, { offered: 1 }, agentId);
      case 'missed':
        return void push(index, at, { offersMissed: 1 }, agentId);
      case 'connected':
        if (from === 'connected') return void push(index, at, { takenOver: 1 }, agentId);
        connectedAt = at;
        // A call is answered when the agent picks it up; a chat, when the agent first replies (counted at its close).
        return void push(index, at, { offersAccepted: 1, handled: 1, answeredInTime: inTime ? 1 : 0, answerWaitSeconds: waited, ...leftQueue }, agentId, waited, voice ? ringing(after, index) : {});
      case 'abandoned': {
        if (entry.reason === ENDED_BY_SUPERVISOR) return void push(index, at, { removed: 1, ...leftQueue }, agentId, waited);
        if (entry.reason === CALLBACK_REQUESTED) return void push(index, at, { replacedByCallback: 1, ...leftQueue }, agentId, waited);
        const add: Add = { abandoned: 1, abandonWaitSeconds: waited, ...leftQueue };
        if (!inTime) add.abandonedLate = 1;
        if (waited < SHORT_ABANDON_SECONDS) add.shortAbandoned = 1;
        return void push(index, at, add, agentId, waited);
      }
      case 'transferred':
        if (from === 'queued' && next?.to === 'closed' && next.reason === REPLACED_BY_CALLBACK) return void push(index, at, { replacedByCallback: 1, ...leftQueue }, undefined, waited);
        return void push(index, at, { transferredOut: 1, ...(from === 'connected' ? conversation(voice, connectedAt, at, after) : {}) }, agentId);
      case 'after-contact-work':
        wrapUpSince = at;
        return void push(index, at, conversation(voice, connectedAt, at, after), agentId);
      case 'closed': {
        if (entry.reason === REPLACED_BY_CALLBACK) return;
        const add: Add = { closed: 1, ...(from === 'connected' ? conversation(voice, connectedAt, at, after) : {}) };
        if (from === 'after-contact-work' && wrapUpSince !== undefined) Object.assign(add, { wrapUps: 1, wrapUpSeconds: secondsBetween(wrapUpSince, at) });
        if (connectedAt !== undefined) Object.assign(add, closedAfterAnswer(after, connectedAt, at), chatEvents(voice ? undefined : facts.messages));
        if (channel === 'callback') add[connectedAt !== undefined ? 'callbacksCompleted' : 'callbacksUnreachable'] = 1;
        const answer = !voice && connectedAt !== undefined && facts.messages ? agentAnswerSeconds(facts.messages, connectedAt, at) : undefined;
        return void push(index, at, add, agentId, undefined, answer === undefined ? {} : { maxAgentAnswerSeconds: answer });
      }
    }
  });
  if (facts.repeatOf && start === 0) {
    const original = facts.repeatOf;
    events.push({ id: `${contactId}#repeat`, at: original.closedAt, queueId: original.queueId, channel: original.channel, add: { repeated: 1 }, ...(original.agentId !== undefined && { agentId: original.agentId }) });
  }
  events.push(...surveyEvents(before, after));
  (after.dialAttempts ?? []).slice(before?.dialAttempts?.length ?? 0).forEach((attempt, k) => {
    const index = (before?.dialAttempts?.length ?? 0) + k;
    events.push({ id: `${contactId}#dial#${index}`, at: attempt.at, queueId: after.queueId, channel, add: { dialAttempts: 1, dialsAnswered: attempt.result === 'answered' ? 1 : 0 }, ...(after.agentId !== undefined && { agentId: after.agentId }) });
  });
  return events;
}

/**
 * A survey sent (once per contact), its CSI rating and its NPS answer, each once: keyed by the contact, counted for
 * the contact's queue, channel and agent when sent or answered. `surveysAnswered` goes with whichever answer came first.
 */
function surveyEvents(before: Contact | undefined, after: Contact): MetricEvent[] {
  const events: MetricEvent[] = [];
  const { contactId, channel, queueId, surveyRequest: request, survey } = after;
  const push = (suffix: string, at: string, add: Add) => events.push({ id: `${contactId}#${suffix}`, at, queueId, channel, add, ...(after.agentId !== undefined && { agentId: after.agentId }) });
  if (request && !before?.surveyRequest) push('survey-sent', request.sentAt, { surveysSent: 1 });
  if (!survey) return events;
  const firstAnswer = before?.survey === undefined;
  const { score, nps } = survey;
  if (score !== undefined && before?.survey?.score === undefined) {
    push('survey', survey.answeredAt, { surveys: 1, surveyScore: score, satisfied: score >= 4 ? 1 : 0, ...(firstAnswer && { surveysAnswered: 1 }) });
  }
  if (nps !== undefined && before?.survey?.nps === undefined) {
    const group = npsGroupOf(nps);
    const answeredHere = firstAnswer && score === undefined;
    push('nps', survey.npsAnsweredAt ?? survey.answeredAt, { npsAnswers: 1, promoters: group === 'promoter' ? 1 : 0, detractors: group === 'detractor' ? 1 : 0, ...(answeredHere && { surveysAnswered: 1 }) });
  }
  return events;
}

/** How long the agent let a call ring before picking it up: from the offer this connection answered. */
function ringing(contact: Contact, index: number): Max {
  const offer = contact.history[index - 1];
  return offer?.to === 'offered' ? { maxAgentAnswerSeconds: secondsBetween(offer.at, contact.history[index]!.at) } : {};
}

/** The conversation part of a contact leaving `connected`: talk time (calls, hold excluded) or chat time. */
function conversation(voice: boolean, connectedAt: string | undefined, at: string, contact: Contact): Add {
  if (connectedAt === undefined) return {};
  const seconds = secondsBetween(connectedAt, at);
  if (!voice) return { chatContacts: 1, chatSeconds: seconds };
  return { talkContacts: 1, talkSeconds: Math.max(0, seconds - (contact.hold?.totalSeconds ?? 0)) };
}

/** A handled contact completing: its handle time, holds, topic and supervision. */
function closedAfterAnswer(contact: Contact, connectedAt: string, at: string): Add {
  const add: Add = { closedAfterAnswer: 1, handleSeconds: secondsBetween(connectedAt, at) };
  if (contact.hold && contact.hold.count > 0) Object.assign(add, { heldContacts: 1, holds: contact.hold.count, holdSeconds: contact.hold.totalSeconds });
  if ((contact.wrapUp?.topics.length ?? 0) > 0) add.wrapUpsWithTopic = 1;
  if ((contact.supervision?.length ?? 0) > 0) add.monitored = 1;
  return add;
}
