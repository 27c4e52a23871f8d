import type { Contact } from '@cc/shared/contacts/model';
import { moveContact } from '@cc/shared/contacts/move-contact';
import type { ContactTimer, RoutingTimer, VisitorCheckTimer } from '@cc/shared/contacts/timers';
import { overflowTarget, type ContactStatus } from '@cc/shared/routing/index';
import { whenWrapUpTimeIsOver } from '@cc/shared/wrap-up/values';
import type { Deps } from '../composition/deps.ts';
import { logger } from '../composition/logger.ts';
import { ignoreMissing, type ContactChanges } from './contact-changes.ts';
import type { RoutingEngine } from './engine.ts';
import { closePlan, missPlan, withoutTarget, type Planner } from './plans.ts';

/** A timer this much early is armed again rather than fired (SQS and in-process timers may come back a little early). */
const EARLY_TOLERANCE_MS = 50;

/** Checks that the visitor of a call from the site is still there (`functions/widget/visitor-presence.ts`). */
export interface VisitorChecks {
  check(timer: VisitorCheckTimer): Promise<void>;
}

/**
 * Fires routing timers: offer timeouts, ends of after-contact work, overflow, callback windows, queue sweeps, the
 * checks of calls from the site that their visitor is still there, and alert rules' re-checks.
 * A contact timer acts only while the contact is still in the state and version it was armed for, so a duplicate
 * or stale timer does nothing.
 */
export class RoutingTimerRunner {
  constructor(
    private readonly deps: Pick<Deps, 'clock' | 'timers'>,
    private readonly engine: RoutingEngine,
    private readonly changes: ContactChanges,
    private readonly visitors: VisitorChecks,
    /** Alert rules' re-checks ride the same timers (functions/alerts); a process without alerts logs and drops them. */
    private readonly alerts?: { check(tenantId: string, alertId: string): Promise<void> },
  ) {}

  /** Runs a due timer (an early one is armed again); a timer for a state the contact has left does nothing. */
  async fireTimer(timer: RoutingTimer): Promise<void> {
    const early = Date.parse(timer.dueAt) - this.deps.clock.now().getTime();
    if (early > EARLY_TOLERANCE_MS) return this.deps.timers.schedule(timer);
    switch (timer.kind) {
      case 'queue-sweep':
        return this.engine.routeQueue(timer.tenantId, timer.queueId);
      case 'visitor-check':
        return this.visitors.check(timer);
      case 'alert-check':
        if (this.alerts) return this.alerts.check(timer.tenantId, timer.alertId);
        return void logger.warn('Alert check without alerts in this process', { tenantId: timer.tenantId, alertId: timer.alertId });
      case 'callback-window':
        await this.engine.routeContact(timer.tenantId, timer.contactId);
        return;
      case 'offer-timeout':
        await this.whileArmed(timer, 'offered', missPlan('offer timed out'));
        return;
      case 'wrap-up-end':
        // A queue that requires topics keeps the contact in wrap-up (overtime) until the agent completes it with one.
        await this.whileArmed(timer, 'after-contact-work', (c, a, q, at) => (whenWrapUpTimeIsOver(q) === 'close' ? closePlan('after-contact work time over')(c, a, q, at) : undefined));
        return;
      case 'overflow':
        await this.whileArmed(timer, 'queued', (c, _a, q, at) => {
          const target = overflowTarget(c, q, at);
          if (target === undefined) return undefined;
          return { contact: withoutTarget(moveContact(c, [['transferred', { at, reason: 'overflow' }], ['queued', { at, queueId: target, reason: `overflow from ${q.queueId}` }]])) };
        });
        return;
    }
  }

  /** Applies `plan` if the contact is still `status` at the timer's version; a contact that is gone is ignored. */
  private whileArmed(timer: ContactTimer, status: ContactStatus, plan: Planner): Promise<Contact | undefined> {
    const armed = (c: Contact) => c.status === status && c.version === timer.version;
    return ignoreMissing(this.changes.apply(timer.tenantId, timer.contactId, (c, a, q, at) => (armed(c) ? plan(c, a, q, at) : undefined)));
  }
}
