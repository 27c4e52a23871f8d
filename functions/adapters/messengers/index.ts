import type { SenderKind } from '@cc/shared/channels/catalog';
import type { OutboundMessage } from '@cc/shared/messaging/model';
import type { ChannelCredentials, SendResult } from '@cc/shared/messaging/ports';
import type { MessengerHttpOptions } from './http.ts';
import { TelegramMessengerSender } from './telegram-sender.ts';
import { ViberMessengerSender } from './viber-sender.ts';
import { type VkSenderOptions, VkMessengerSender } from './vk-sender.ts';
import { type WhatsAppSenderOptions, WhatsAppMessengerSender } from './whatsapp-sender.ts';

export * from './http.ts';
export * from './retry.ts';
export * from './telegram-sender.ts';
export * from './whatsapp-sender.ts';
export * from './vk-sender.ts';
export * from './viber-sender.ts';

/**
 * One sender per provider, built once (at module scope in deps.ts) and shared by every channel
 * instance; one for every sender kind of the channel catalog, so a new one cannot be left out.
 */
export interface MessengerSenders extends Record<SenderKind, { send(credentials: never, message: OutboundMessage): Promise<SendResult> }> {
  telegram: TelegramMessengerSender;
  whatsapp: WhatsAppMessengerSender;
  vk: VkMessengerSender;
  viber: ViberMessengerSender;
}

/** Builds every sender; per-provider options set base URLs (a local fake) and retry policy. */
export function createMessengerSenders(
  options: {
    telegram?: MessengerHttpOptions;
    whatsapp?: WhatsAppSenderOptions;
    vk?: VkSenderOptions;
    viber?: MessengerHttpOptions;
  } = {},
): MessengerSenders {
  return {
    telegram: new TelegramMessengerSender(options.telegram),
    whatsapp: new WhatsAppMessengerSender(options.whatsapp),
    vk: new VkMessengerSender(options.vk),
    viber: new ViberMessengerSender(options.viber),
  };
}

/** Sends through the sender matching the credentials' kind. */
export function sendThroughChannel(
  senders: MessengerSenders,
  credentials: ChannelCredentials,
  message: OutboundMessage,
): Promise<SendResult> {
  switch (credentials.kind) {
    case 'telegram':
      return senders.telegram.send(credentials, message);
    case 'whatsapp':
      return senders.whatsapp.send(credentials, message);
    case 'vk':
      return senders.vk.send(credentials, message);
    case 'viber':
      return senders.viber.send(credentials, message);
  }
}
