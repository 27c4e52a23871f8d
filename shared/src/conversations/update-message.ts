import type { DeliveryStatus, Message } from '../messaging/model.ts';
import type { SendResult } from '../messaging/ports.ts';
import type { MessageRevision, MessageStatus, StoredMessage } from './model.ts';

/** Delivery progress order; a report never moves a message backwards (`read` then a late `delivered` stays `read`). */
const PROGRESS: Record<MessageStatus, number> = { received: 0, pending: 1, sent: 2, delivered: 3, read: 4, failed: -1 };

const revisionOf = (message: Pick<StoredMessage, 'text' | 'attachments' | 'location'>, at: string): MessageRevision => ({
  ...(message.text !== undefined && { text: message.text }),
  attachments: message.attachments,
  ...(message.location !== undefined && { location: message.location }),
  at,
});

/**
 * Applies a customer's edit (Telegram edited_message, VK message_edit) to the stored message and
 * keeps what it said before in `editHistory`. An edit older than the current text (deliveries out
 * of order) only joins the history. Returns undefined when this edit was applied already.
 */
export function applyMessageEdit(current: StoredMessage, edit: Message): StoredMessage | undefined {
  if (current.appliedEditKeys.includes(edit.dedupKey)) return undefined;
  const currentAt = current.editedAt ?? current.sentAt;
  const incoming = revisionOf({ text: edit.text, attachments: edit.attachments, location: edit.location }, edit.sentAt);
  const base = { ...current, appliedEditKeys: [...current.appliedEditKeys, edit.dedupKey], version: current.version + 1 };
  if (edit.sentAt < currentAt) {
    const editHistory = [...current.editHistory, incoming].sort((a, b) => a.at.localeCompare(b.at));
    return { ...base, editHistory };
  }
  const next: StoredMessage = {
    ...base,
    kind: edit.kind,
    attachments: edit.attachments,
    edited: true,
    editedAt: edit.sentAt,
    editHistory: [...current.editHistory, revisionOf(current, currentAt)],
  };
  if (edit.text !== undefined) next.text = edit.text;
  else delete next.text;
  if (edit.location !== undefined) next.location = edit.location;
  else delete next.location;
  return next;
}

/**
 * Applies a provider's delivery report (WhatsApp statuses, Viber delivered/seen/failed). Progress
 * only moves forward; `failed` records the provider's reason unless the message was already
 * delivered. Returns undefined when the report changes nothing (a redelivery).
 */
export function applyDeliveryStatus(current: StoredMessage, report: DeliveryStatus): StoredMessage | undefined {
  if (current.statusHistory.some((step) => step.status === report.status)) return undefined;
  // In arrival order, each step with the provider's own time.
  const statusHistory = [...current.statusHistory, { status: report.status, at: report.occurredAt }];
  const next: StoredMessage = { ...current, statusHistory, version: current.version + 1 };
  if (report.status === 'failed') {
    if (PROGRESS[current.status] < PROGRESS.delivered) {
      next.status = 'failed';
      next.failure = {
        category: 'recipient_unreachable',
        reason: report.error?.title ?? report.error?.detail ?? 'The provider reported the message as failed',
        ...(report.error?.code !== undefined && { providerCode: report.error.code }),
        ...(report.error?.detail !== undefined && { detail: report.error.detail }),
        permanent: true,
        at: report.occurredAt,
      };
    }
    return next;
  }
  if (current.status === 'failed' || PROGRESS[report.status] > PROGRESS[current.status]) {
    next.status = report.status;
    delete next.failure;
  }
  return next;
}

/**
 * Records what the provider answered to a send: `sent` with its message id, or `failed` with its
 * reason (permanent: bot blocked, 24-hour window, unknown user; otherwise a resend may work).
 */
export function recordSendResult(current: StoredMessage, result: SendResult, at: Date): StoredMessage {
  const when = at.toISOString();
  if (result.ok) {
    const next: StoredMessage = {
      ...current,
      status: PROGRESS[current.status] > PROGRESS.sent ? current.status : 'sent',
      statusHistory: [...current.statusHistory, { status: 'sent', at: when }],
      version: current.version + 1,
    };
    if (result.providerMessageId && result.providerMessageId !== 'undefined') next.providerMessageId = result.providerMessageId;
    delete next.failure;
    delete next.delivery;
    return next;
  }
  const { delivery: _claim, ...rest } = current;
  return {
    ...rest,
    status: 'failed',
    statusHistory: [...current.statusHistory, { status: 'failed', at: when }],
    failure: {
      category: result.category,
      reason: result.reason,
      ...(result.providerCode !== undefined && { providerCode: result.providerCode }),
      ...(result.detail !== undefined && { detail: result.detail }),
      permanent: result.permanent,
      at: when,
    },
    version: current.version + 1,
  };
}

/** Puts a failed message of ours back in the outbox for another attempt. @returns undefined unless it failed. */
export function requestResend(current: StoredMessage, at: Date): StoredMessage | undefined {
  if (current.whisper || current.direction !== 'outbound' || current.status !== 'failed') return undefined;
  const next: StoredMessage = {
    ...current,
    status: 'pending',
    sendAttempt: current.sendAttempt + 1,
    statusHistory: [...current.statusHistory, { status: 'pending', at: at.toISOString() }],
    version: current.version + 1,
  };
  delete next.failure;
  delete next.delivery;
  return next;
}

/** What a delivery job may do with a message: send (the claim to write first), wait for a live claim, or nothing. */
export type DeliveryClaim = { kind: 'send'; message: StoredMessage; resent: boolean } | { kind: 'busy' } | { kind: 'skip' };

/**
 * Claims try `tryNumber` of send attempt `attempt`, to be written before the provider is called. A
 * claim of the same try that is older than `leaseMs` and never finished is a crashed call: it is
 * claimed again (`resent`), so delivery is at least once.
 */
export function claimDelivery(current: StoredMessage, attempt: number, tryNumber: number, at: Date, leaseMs: number): DeliveryClaim {
  // A whisper is for agents only: even a stray outbox record for one never reaches the customer.
  if (current.whisper || current.direction !== 'outbound' || current.status !== 'pending' || current.sendAttempt !== attempt) return { kind: 'skip' };
  const held = current.delivery;
  if (held && (held.try > tryNumber || (held.try === tryNumber && held.lastError !== undefined))) return { kind: 'skip' };
  const resent = held?.try === tryNumber;
  if (resent && at.getTime() - Date.parse(held.sendingSince) < leaseMs) return { kind: 'busy' };
  return { kind: 'send', resent, message: { ...current, delivery: { try: tryNumber, sendingSince: at.toISOString() }, version: current.version + 1 } };
}

/** Keeps the message `pending` after a transient failure, noting why, for the next try to pick up. */
export function deferDelivery(current: StoredMessage, reason: string): StoredMessage {
  if (!current.delivery) return current;
  return { ...current, delivery: { ...current.delivery, lastError: reason }, version: current.version + 1 };
}
