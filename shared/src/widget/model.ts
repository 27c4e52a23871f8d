import * as z from 'zod';
import { lazySchema } from '../lazy-schema.ts';
import type { Contact } from '../contacts/model.ts';
import type { PositionView } from '../contacts/position-view.ts';
import type { MessageStatus, StoredMessage } from '../conversations/model.ts';
import { OutboundButtonSchema } from '../conversations/model.ts';
import { customerFacingText } from '../conversations/build-message.ts';
import { parseSpokenPhone } from '../self-service/phone.ts';

/**
 * The web chat widget's side of a conversation: what a visitor may send and what they are shown.
 * A visitor is anonymous: a random id bound to one channel, whose conversation is theirs alone.
 */

/** The visitor a widget token speaks for: tenant, channel and conversation are fixed when it is issued. */
export interface VisitorClaims {
  tenantId: string;
  channelId: string;
  /** Random, `v_…`; the conversation's and customer's external id on the channel. */
  visitorId: string;
  /** `conversationIdOf(channelId, visitorId)`. */
  conversationId: string;
}

/** A phone number typed into a form (`8 900 123-45-67`, `+7 (900) …`), as E.164. */
export const VisitorPhoneSchema = lazySchema(() => (z
  .string()
  .trim()
  .max(32)
  .transform((value, ctx) => {
    const phone = parseSpokenPhone(value);
    if (!phone) ctx.addIssue({ code: 'custom', message: 'a phone number such as +7 900 123-45-67' });
    return phone ?? z.NEVER;
  })));

const NameSchema = lazySchema(() => z.string().trim().min(1).max(100));
const EmailSchema = lazySchema(() => z.string().trim().max(254).pipe(z.email()));

/** `POST /widget/:channelId/sessions`: a previous token (even expired, within a day) keeps the same visitor. */
export const WidgetSessionRequestSchema = lazySchema(() => z.object({ token: z.string().min(1).max(4096).optional() }).strict());

/** The pre-chat form: a name, a phone or an e-mail, and the department (a queue offered by the channel). */
export const PreChatFormSchema = lazySchema(() => z
  .object({
    name: NameSchema,
    phone: VisitorPhoneSchema.optional(),
    email: EmailSchema.optional(),
    queueId: z.string().min(1).max(64).optional(),
    locale: z.enum(['ru', 'en']).optional(),
  })
  .strict()
  .superRefine((form, ctx) => {
    if (form.phone === undefined && form.email === undefined) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'a phone number or an e-mail is required' });
  }));
export type PreChatForm = z.infer<typeof PreChatFormSchema>;

/** A visitor's message: text, or a press on a button of one of our messages; sent twice with one `clientMessageId`, stored once. */
export const VisitorMessageSchema = lazySchema(() => z
  .object({
    clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 characters of A-Z, a-z, 0-9, _ and -'),
    text: z.string().trim().min(1).max(4096).optional(),
    button: OutboundButtonSchema.optional(),
  })
  .strict()
  .refine((m) => m.text !== undefined || m.button !== undefined, { path: ['text'], message: 'text or button is required' }));
export type VisitorMessage = z.infer<typeof VisitorMessageSchema>;

/** The widget tells how far our messages got: shown (`delivered`) or seen with the chat open (`read`). */
export const VisitorReceiptSchema = lazySchema(() => z
  .object({
    messageIds: z.array(z.string().min(1).max(100)).min(1).max(50),
    status: z.enum(['delivered', 'read']),
  })
  .strict());
export type VisitorReceipt = z.infer<typeof VisitorReceiptSchema>;

/** "Call me back": the phone and, optionally, a window; `requestId` makes a retry book one callback. */
export const VisitorCallbackSchema = lazySchema(() => z
  .object({
    requestId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '1-64 characters of A-Z, a-z, 0-9, _ and -'),
    phone: VisitorPhoneSchema,
    name: NameSchema.optional(),
    queueId: z.string().min(1).max(64).optional(),
    notBefore: z.iso.datetime({ offset: true }).optional(),
    notAfter: z.iso.datetime({ offset: true }).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.notBefore && v.notAfter && Date.parse(v.notAfter) <= Date.parse(v.notBefore)) ctx.addIssue({ code: 'custom', path: ['notAfter'], message: 'notAfter must be after notBefore' });
  }));
export type VisitorCallback = z.infer<typeof VisitorCallbackSchema>;

/** A message as the visitor sees it: no tenant, customer or agent ids. */
export interface WidgetMessageView {
  messageId: string;
  /** `visitor`: theirs; `agent`: our reply; `system`: a prompt (pre-chat menu, notices). */
  from: 'visitor' | 'agent' | 'system';
  text?: string;
  buttons?: { title: string; payload: string }[];
  /** The button the visitor pressed, for their own messages. */
  button?: { title?: string; payload: string };
  /** An agent's file: an image the widget shows, or a document to download, through a short-lived link. */
  file?: { name: string; contentType: string; sizeBytes: number; image: boolean; url: string };
  sentAt: string;
  status: MessageStatus;
  version: number;
}

/** The agent's file of one of our messages, when it is stored (customers' files never go back to them). */
export function agentFileOf(message: Pick<StoredMessage, 'direction' | 'attachments'>) {
  const attachment = message.direction === 'outbound' ? message.attachments[0] : undefined;
  const storage = attachment?.storage;
  return attachment && storage?.state === 'stored' && storage.objectKey && storage.contentType ? { attachment, objectKey: storage.objectKey, contentType: storage.contentType, sizeBytes: storage.sizeBytes ?? 0 } : undefined;
}

/** The visitor's view of a stored message; `fileUrl` is the link to the agent's file, when it has one. */
export function toWidgetMessageView(message: StoredMessage, fileUrl?: string): WidgetMessageView {
  const file = fileUrl ? agentFileOf(message) : undefined;
  const from = message.direction === 'inbound' ? 'visitor' : message.authorId === 'system' ? 'system' : 'agent';
  return {
    messageId: message.messageId,
    from,
    ...(message.text !== undefined && { text: from === 'agent' ? customerFacingText(message) : message.text }),
    ...(message.buttons?.length && { buttons: message.buttons }),
    ...(message.button && { button: { payload: message.button.payload, ...(message.button.title !== undefined && { title: message.button.title }) } }),
    ...(file && fileUrl && { file: { name: file.attachment.fileName ?? 'file', contentType: file.contentType, sizeBytes: file.sizeBytes, image: file.attachment.type === 'image', url: fileUrl } }),
    sentAt: message.sentAt,
    status: message.status,
    version: message.version,
  };
}

/** Where the visitor's chat stands. */
export type WidgetChatStatus =
  /** No contact yet (before the first message). */
  | 'idle'
  /** In the queue: `position` says where. */
  | 'waiting'
  /** An agent is being connected (offered). */
  | 'connecting'
  | 'connected'
  /** The agent finished; the next message opens a new contact. */
  | 'ended';

/** The chat's state as the widget shows it; `version` is the contact's (the widget keeps the highest per contact). */
export interface WidgetChatState {
  conversationId: string;
  contactId?: string;
  status: WidgetChatStatus;
  /** While waiting: the place, the estimated wait and ready ru/en texts ("Вы третий в очереди, ~2 мин"). */
  position?: Pick<PositionView, 'position' | 'waiting' | 'estimatedWaitMinutes' | 'text'>;
  /** While connected: the agent's name. */
  agentName?: string;
  version: number;
}

/** The widget's view of the conversation's current contact (and, while it waits, its place). */
export function toWidgetChatState(conversationId: string, contact: Contact | undefined, extra: { position?: PositionView; agentName?: string } = {}): WidgetChatState {
  if (!contact) return { conversationId, status: 'idle', version: 0 };
  const status: WidgetChatStatus =
    contact.status === 'queued' || contact.status === 'missed' || contact.status === 'transferred'
      ? 'waiting'
      : contact.status === 'offered'
        ? 'connecting'
        : contact.status === 'connected'
          ? 'connected'
          : 'ended';
  const { position } = extra;
  return {
    conversationId,
    contactId: contact.contactId,
    status,
    ...(status === 'waiting' && position && position.position !== null && { position: { position: position.position, waiting: position.waiting, estimatedWaitMinutes: position.estimatedWaitMinutes, text: position.text } }),
    ...((status === 'connected' || status === 'connecting') && extra.agentName && { agentName: extra.agentName }),
    version: contact.version,
  };
}

/** A department the widget offers: a queue, with whether someone is answering there now. */
export interface WidgetDepartment {
  queueId: string;
  title: string;
  /** Within business hours and at least one agent of the queue at work (not offline). */
  online: boolean;
}

/** `GET /widget/:channelId/status`: whether to show the chat or the offline form. */
export interface WidgetStatus {
  channelId: string;
  name: string;
  online: boolean;
  departments: WidgetDepartment[];
  /** Set when the channel takes calls from the widget: the call script to load for the call button. */
  callScriptUrl?: string;
}
