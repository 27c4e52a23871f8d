/**
 * Calls from the site: the widget's call button. A call is a `webcall` contact in the channel's queue, routed
 * like any phone call, whose caller is the visitor's browser in the contact's audio meeting (a Chime SDK
 * meeting in AWS, a local WebRTC room locally): no telephony provider is involved. The agent joins the same
 * meeting through `POST /api/contacts/:id/audio`. One live call per visitor, and an hourly limit of new ones.
 */
import { randomUUID } from 'node:crypto';
import type { Contact } from '@cc/shared/contacts/model';
import { CreateContactSchema } from '@cc/shared/contacts/requests';
import { newConversation } from '@cc/shared/conversations/build-message';
import { customerIdOf } from '@cc/shared/conversations/ids';
import type { Conversation } from '@cc/shared/conversations/model';
import { ConflictError, NotFoundError, RateLimitedError } from '@cc/shared/errors';
import type { Channel } from '@cc/shared/tenancy/model';
import { isLiveCall, toWidgetCallView, type PlacedCall, type VisitorCallRequest, type WidgetCallView } from '@cc/shared/widget/calls';
import type { VisitorClaims } from '@cc/shared/widget/model';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import type { ContactCommands } from '../routing/commands.ts';
import type { RoutingQueries } from '../routing/queries.ts';
import { audioTicketOf } from '../voice/audio-access.ts';
import { endVisitorCall } from './call-ending.ts';
import type { WidgetService } from './service.ts';
import type { VisitorPresence } from './visitor-presence.ts';

export type WidgetCallsDeps = Pick<Deps, 'messaging' | 'customers' | 'contacts' | 'agents' | 'meetings' | 'rateLimiter' | 'clock' | 'config'>;

/** How often the one-live-call claim on the conversation is re-read after losing a race. */
const MAX_ATTEMPTS = 6;

type Department = Awaited<ReturnType<WidgetService['departmentFor']>>;

/** Whether the channel offers calls from its widget (`settings.webcall: true`). */
export const callsEnabled = (channel: Pick<Channel, 'settings'>): boolean => channel.settings['webcall'] === true;

/** The attendee id of a visitor in their call's meeting. */
const visitorAttendee = (visitorId: string) => `visitor-${visitorId}`;

export class WidgetCalls {
  constructor(
    private readonly deps: WidgetCallsDeps,
    private readonly parts: {
      widget: Pick<WidgetService, 'departmentFor' | 'departments'>;
      commands: Pick<ContactCommands, 'createContact' | 'abandonContact' | 'endByCustomer'>;
      queries: Pick<RoutingQueries, 'describePosition'>;
      presence: Pick<VisitorPresence, 'watch' | 'beat' | 'rule'>;
    },
  ) {}

  /**
   * Places the visitor's call: a queued `webcall` contact in the named department, else the pre-chat choice,
   * else the channel's default queue; its meeting opened, the visitor's `caller` ticket issued and the visitor's
   * presence watched (the page beats every `heartbeatSeconds`, `heartbeat`).
   * @throws ConflictError `calls_disabled` (the channel takes no calls) or `call_in_progress` (a live call already),
   *   RateLimitedError (over the hourly limit), ZodError (`queueId` not a department of the channel)
   */
  async place(visitor: VisitorClaims, channel: Channel, request: VisitorCallRequest): Promise<PlacedCall> {
    if (!callsEnabled(channel)) throw new ConflictError('This widget does not take calls', { reason: 'calls_disabled' });
    const { tenantId } = visitor;
    const now = this.deps.clock.now();
    const contactId = `wc-${randomUUID()}`;
    let department: Department | undefined;
    for (let attempt = 1; ; attempt++) {
      const existing = await this.deps.messaging.getConversation(tenantId, visitor.conversationId);
      const previous = existing?.callContactId ? await this.deps.contacts.get(tenantId, existing.callContactId) : undefined;
      if (previous && isLiveCall(previous)) throw new ConflictError('You are already in a call', { reason: 'call_in_progress', contactId: previous.contactId });
      department ??= await this.departmentOf(channel, request.queueId, existing?.chosenQueueId);
      if (attempt === 1) await this.countAttempt(visitor, now);
      const base = existing ?? newConversation(tenantId, { channel: 'webchat', channelId: channel.channelId, conversationExternalId: visitor.visitorId, customerExternalId: visitor.visitorId }, now.toISOString());
      // The claim: the conversation names the live call, written only over the version read above.
      const conversation: Conversation = { ...base, callContactId: contactId, updatedAt: now.toISOString(), version: base.version + 1 };
      try {
        await this.deps.messaging.saveConversation(conversation, existing?.version);
        break;
      } catch (error) {
        if (!(error instanceof ConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
    const { queueId, menuChoice } = department!;
    const customerId = customerIdOf(channel.channelId, visitor.visitorId);
    await this.deps.customers.recordSighting({ tenantId, customerId, channel: 'webchat', channelId: channel.channelId, externalId: visitor.visitorId, profile: {}, at: now.toISOString() });
    const input = CreateContactSchema.parse({
      contactId,
      queueId,
      channel: 'webcall',
      channelId: channel.channelId,
      customerId,
      conversationId: visitor.conversationId,
      ...(menuChoice !== undefined && { menuChoice }),
    });
    const contact = await this.parts.commands.createContact(tenantId, input);
    await this.parts.presence.watch(contact);
    const { meetingId } = await this.deps.meetings.open(tenantId, contactId);
    const ticket = audioTicketOf(contactId, 'caller', await this.deps.meetings.join(meetingId, { userId: visitorAttendee(visitor.visitorId), role: 'caller' }));
    logger.info('Website call placed', { tenantId, channelId: channel.channelId, contactId, queueId: contact.queueId });
    return { ...(await this.viewOf(tenantId, contact)), ticket, heartbeatSeconds: this.parts.presence.rule.everySeconds };
  }

  /** The visitor's call now. @throws NotFoundError for a contact that is not one of the visitor's calls */
  async view(visitor: VisitorClaims, contactId: string): Promise<WidgetCallView> {
    return this.viewOf(visitor.tenantId, await this.ownCall(visitor, contactId));
  }

  /**
   * The visitor's page beats: the visitor is still there (a call over takes no beat); the answer is the call now,
   * so the beat is also the page's refresh of the call.
   * @throws NotFoundError for a contact that is not one of the visitor's calls
   */
  async heartbeat(visitor: VisitorClaims, contactId: string): Promise<WidgetCallView> {
    const contact = await this.ownCall(visitor, contactId);
    if (isLiveCall(contact)) await this.parts.presence.beat(visitor.tenantId, contactId);
    return this.viewOf(visitor.tenantId, contact);
  }

  /**
   * The visitor hangs up: a call still waiting (or being offered) is abandoned with its wait, a connected one
   * ends as when a phone caller hangs up (the agent goes to after-contact work); an ended call is answered as it is.
   * @throws NotFoundError for a contact that is not one of the visitor's calls
   */
  async hangUp(visitor: VisitorClaims, contactId: string): Promise<WidgetCallView> {
    const contact = await this.ownCall(visitor, contactId);
    return this.viewOf(visitor.tenantId, await endVisitorCall({ contacts: this.deps.contacts, commands: this.parts.commands }, contact, 'hung-up'));
  }

  /** The visitor's view of a call contact: its place while waiting, its agent's name once offered. */
  async viewOf(tenantId: string, contact: Contact): Promise<WidgetCallView> {
    const waiting = contact.status === 'queued';
    const position = waiting ? await this.parts.queries.describePosition(tenantId, contact.contactId).catch(() => undefined) : undefined;
    const agent = contact.agentId && (contact.status === 'connected' || contact.status === 'offered') ? await this.deps.agents.get(tenantId, contact.agentId) : undefined;
    return toWidgetCallView(contact, this.deps.clock.now(), { ...(position && { position }), ...(agent && { agentName: agent.name }) });
  }

  /** The named department (which must be the channel's), else the pre-chat choice, else the channel's default queue, else its first department. */
  private async departmentOf(channel: Channel, named: string | undefined, chosen: string | undefined): Promise<Department> {
    if (named !== undefined) return this.parts.widget.departmentFor(channel, named);
    const offered = (await this.parts.widget.departments(channel)).map((d) => d.queueId);
    return this.parts.widget.departmentFor(channel, [chosen, channel.defaultQueueId].find((q) => q !== undefined && offered.includes(q)));
  }

  private async ownCall(visitor: VisitorClaims, contactId: string): Promise<Contact> {
    const contact = await this.deps.contacts.get(visitor.tenantId, contactId);
    // Another visitor's call, a chat, or no such contact: all look the same from outside.
    if (!contact || contact.channel !== 'webcall' || contact.channelId !== visitor.channelId || contact.conversationId !== visitor.conversationId) throw new NotFoundError('Call', contactId);
    return contact;
  }

  /** Counts a call attempt against the visitor's hourly limit. @throws RateLimitedError */
  private async countAttempt(visitor: VisitorClaims, now: Date): Promise<void> {
    const limit = { max: this.deps.config.WEBCALL_LIMIT_PER_HOUR, windowSeconds: 3600 };
    const decision = await this.deps.rateLimiter.hit(visitor.tenantId, `webcall#${visitor.channelId}#visitor#${visitor.visitorId}`, limit, now);
    if (!decision.allowed) throw new RateLimitedError(`At most ${limit.max} calls an hour; try again later`, decision.retryAfterSeconds, { by: ['visitor'] });
  }
}
