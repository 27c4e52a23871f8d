/**
 * Whether the visitor of a call from the site is still there: their page beats while the call lives, and a routing
 * timer checks, when the visitor would be gone, whether a beat came since. A visitor gone (the tab killed, the
 * network lost, no hang-up sent) ends the call as a hang-up does, so neither the call nor its contact stays up.
 */
import type { Contact } from '@cc/shared/contacts/model';
import type { ContactRepository, Timers } from '@cc/shared/contacts/ports';
import { visitorCheckTimer, type VisitorCheckTimer } from '@cc/shared/contacts/timers';
import { isLiveCall } from '@cc/shared/widget/calls';
import { checkVisitor, visitorGoneAt, type HeartbeatRule } from '@cc/shared/widget/heartbeat';
import type { VisitorHeartbeats } from '@cc/shared/widget/ports';
import type { Clock } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { endVisitorCall, type CallEndingDeps } from './call-ending.ts';

export type VisitorPresenceDeps = { clock: Clock; contacts: Pick<ContactRepository, 'get'>; visitorHeartbeats: VisitorHeartbeats; timers: Timers };

export class VisitorPresence {
  constructor(
    private readonly deps: VisitorPresenceDeps,
    private readonly commands: CallEndingDeps['commands'],
    readonly rule: HeartbeatRule,
  ) {}

  /** Arms the first check of a call just placed: its placing counts as the visitor's first sign of life. */
  watch(contact: Pick<Contact, 'tenantId' | 'contactId' | 'createdAt'>): Promise<void> {
    return this.deps.timers.schedule(visitorCheckTimer(contact.tenantId, contact.contactId, visitorGoneAt(contact.createdAt, this.rule)));
  }

  /** A beat of the call's visitor, now. */
  beat(tenantId: string, contactId: string): Promise<void> {
    return this.deps.visitorHeartbeats.record(tenantId, contactId, this.deps.clock.now().toISOString());
  }

  /**
   * The timer: a call over needs nothing more; a visitor heard from since goes on, checked again when they would be
   * gone; a visitor gone ends the call (abandoned while waiting, ended while talking).
   */
  async check(timer: VisitorCheckTimer): Promise<void> {
    const { tenantId, contactId } = timer;
    const contact = await this.deps.contacts.get(tenantId, contactId);
    if (!contact || contact.channel !== 'webcall' || !isLiveCall(contact)) return;
    const beat = await this.deps.visitorHeartbeats.lastSeen(tenantId, contactId);
    const lastSeen = beat !== undefined && beat > contact.createdAt ? beat : contact.createdAt;
    // At its due time at the earliest (a timer may come a little early): a check that finds the visitor alive then
    // arms the next one for a later second, so never the id of the timer still running.
    const at = new Date(Math.max(this.deps.clock.now().getTime(), Date.parse(timer.dueAt)));
    const check = checkVisitor(lastSeen, at, this.rule);
    if (!check.gone) return this.deps.timers.schedule(visitorCheckTimer(tenantId, contactId, check.checkAt));
    logger.info('Website call visitor gone', { tenantId, contactId, status: contact.status, lastSeen });
    await endVisitorCall({ contacts: this.deps.contacts, commands: this.commands }, contact, 'gone');
  }
}
