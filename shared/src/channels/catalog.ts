// The one channel vocabulary: every kind of channel a contact can arrive on, its media class and
// what it can do. Zod-free on purpose, so the console can import these values without bundling a
// schema library; `schema.ts` builds the zod enums on them. Adding a channel is one entry here plus
// its adapter: every `Record<ChannelKind, …>` (senders, secrets, console labels) then fails to
// compile until it has the new kind.

/** Media classes, which are also the agent's capacity buckets: one call at a time, or up to N chats. */
export const MEDIA_CLASSES = ['voice', 'chat'] as const;
export type MediaClass = (typeof MEDIA_CLASSES)[number];

/** How our messages reach the customer of a channel. */
export type ReplyPath =
  /** Through the provider's send API, by an outbound sender (Telegram, WhatsApp, VK, Viber). */
  | 'provider'
  /** Over our own WebSocket to the site's widget. */
  | 'widget'
  /** Not at all: a call carries no messages, and Alice speaks only in its answer to the webhook. */
  | 'none';

/** What a channel kind is and can do; code branches on these, never on lists of kind names. */
export interface ChannelTraits {
  /** Which capacity bucket its contacts take and whether the console shows a call or a chat. */
  readonly media: MediaClass;
  /** Connected through the channel API, with a webhook adapter, customers and a conversation per chat. */
  readonly messenger: boolean;
  readonly replies: ReplyPath;
  /** The provider reports `delivered` / `read` for our messages (WhatsApp statuses, Viber delivered/seen). */
  readonly deliveryReceipts: boolean;
  /** Typing is shown both ways (only our widget has an API for it). */
  readonly typing: boolean;
  /** Agents may send the customer a file or an image (docs/attachments.md); the console hides the paperclip otherwise. */
  readonly files: boolean;
}

/**
 * Every contact channel and its traits; the key is the value stored on contacts, channels and queue
 * skills. `voice` is the inbound phone call (the stored value predates the other voice kinds),
 * `callback` a call we place back to the customer, `webcall` a call from the site's widget; the rest
 * are messengers (`webchat` is our own widget, `yandex` the Alice skill).
 */
export const CHANNEL_CATALOG = {
  voice: { media: 'voice', messenger: false, replies: 'none', deliveryReceipts: false, typing: false, files: false },
  callback: { media: 'voice', messenger: false, replies: 'none', deliveryReceipts: false, typing: false, files: false },
  webcall: { media: 'voice', messenger: false, replies: 'none', deliveryReceipts: false, typing: false, files: false },
  telegram: { media: 'chat', messenger: true, replies: 'provider', deliveryReceipts: false, typing: false, files: true },
  whatsapp: { media: 'chat', messenger: true, replies: 'provider', deliveryReceipts: true, typing: false, files: true },
  vk: { media: 'chat', messenger: true, replies: 'provider', deliveryReceipts: false, typing: false, files: true },
  viber: { media: 'chat', messenger: true, replies: 'provider', deliveryReceipts: true, typing: false, files: true },
  webchat: { media: 'chat', messenger: true, replies: 'widget', deliveryReceipts: false, typing: true, files: true },
  yandex: { media: 'chat', messenger: true, replies: 'none', deliveryReceipts: false, typing: false, files: false },
} as const satisfies Record<string, ChannelTraits>;

/** A contact channel kind. */
export type ChannelKind = keyof typeof CHANNEL_CATALOG;
/** Every contact channel kind, in catalog order. */
export const CHANNEL_KINDS = Object.keys(CHANNEL_CATALOG) as readonly ChannelKind[];

type Catalog = typeof CHANNEL_CATALOG;

/** Messenger kinds: the channels an admin connects through the channel API, each with a webhook adapter. */
export type MessengerKind = { [K in ChannelKind]: Catalog[K]['messenger'] extends true ? K : never }[ChannelKind];
/** Kinds whose replies go through the provider's send API: each has credentials and one outbound sender. */
export type SenderKind = { [K in ChannelKind]: Catalog[K]['replies'] extends 'provider' ? K : never }[ChannelKind];
/** Voice kinds: calls, whichever way they were placed. */
export type VoiceKind = { [K in ChannelKind]: Catalog[K]['media'] extends 'voice' ? K : never }[ChannelKind];

/** Whether agents may send files on `kind` (Alice speaks only text; calls carry no messages). */
export function takesFiles(kind: ChannelKind): boolean {
  return CHANNEL_CATALOG[kind].files;
}

/** Whether `kind` is a messenger (see {@link MessengerKind}). */
export function isMessengerKind(kind: ChannelKind): kind is MessengerKind {
  return CHANNEL_CATALOG[kind].messenger;
}

/** Whether our replies on `kind` go through a provider's send API (see {@link SenderKind}). */
export function isSenderKind(kind: ChannelKind): kind is SenderKind {
  return CHANNEL_CATALOG[kind].replies === 'provider';
}

/** Every messenger kind, in catalog order. */
export const MESSENGER_KINDS: readonly MessengerKind[] = CHANNEL_KINDS.filter(isMessengerKind);

/** The media class (and capacity bucket) of a channel kind. */
export function mediaOf(kind: ChannelKind): MediaClass {
  return CHANNEL_CATALOG[kind].media;
}

/** Whether a contact on `kind` is a call (of any voice kind) rather than a chat. */
export function isVoiceKind(kind: ChannelKind): kind is VoiceKind {
  return mediaOf(kind) === 'voice';
}

/** Whether `value` names a channel kind (e.g. a string read from a URL or a stored record). */
export function isChannelKind(value: string): value is ChannelKind {
  return (CHANNEL_KINDS as readonly string[]).includes(value);
}
