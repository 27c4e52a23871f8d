import { describe, expect, it } from 'vitest';
import { ChannelSecretsSchemas, ChannelSettingsSchemas, channelCredentials } from '../tenancy/channel-secrets.ts';
import { CHANNEL_CATALOG, CHANNEL_KINDS, MESSENGER_KINDS, isChannelKind, isMessengerKind, isSenderKind, isVoiceKind, mediaOf, takesFiles } from './catalog.ts';
import { ChannelKindSchema, MediaClassSchema, MessengerKindSchema } from './schema.ts';

describe('channel catalog', () => {
  it('describes every channel kind exactly once', () => {
    // Act
    const described = Object.keys(CHANNEL_CATALOG);
    // Assert
    expect(described.sort()).toEqual([...CHANNEL_KINDS].sort());
    expect(new Set(CHANNEL_KINDS).size).toBe(CHANNEL_KINDS.length);
  });

  it('keeps the stored values of the phone call and the callback', () => {
    // Assert: contacts in the table and the acceptance checks carry these strings.
    expect(CHANNEL_KINDS).toEqual(expect.arrayContaining(['voice', 'callback', 'webcall']));
  });

  it('puts every call in the voice media class and every messenger in chat', () => {
    // Act
    const media = Object.fromEntries(CHANNEL_KINDS.map((kind) => [kind, mediaOf(kind)]));
    // Assert
    expect(media).toEqual({
      voice: 'voice',
      callback: 'voice',
      webcall: 'voice',
      telegram: 'chat',
      whatsapp: 'chat',
      vk: 'chat',
      viber: 'chat',
      webchat: 'chat',
      yandex: 'chat',
    });
    expect(CHANNEL_KINDS.filter(isVoiceKind)).toEqual(['voice', 'callback', 'webcall']);
  });

  it('derives the messenger kinds from the catalog, and no call is a messenger', () => {
    // Assert
    expect(MESSENGER_KINDS).toEqual(CHANNEL_KINDS.filter((kind) => CHANNEL_CATALOG[kind].messenger));
    expect(MESSENGER_KINDS).toEqual(['telegram', 'whatsapp', 'vk', 'viber', 'webchat', 'yandex']);
    expect(MESSENGER_KINDS.some((kind) => mediaOf(kind) === 'voice')).toBe(false);
    expect(isMessengerKind('webcall')).toBe(false);
  });

  it('gives every messenger kind a secrets and a settings schema, and nothing else one', () => {
    // Assert
    expect(Object.keys(ChannelSecretsSchemas).sort()).toEqual([...MESSENGER_KINDS].sort());
    expect(Object.keys(ChannelSettingsSchemas).sort()).toEqual([...MESSENGER_KINDS].sort());
  });

  it('lets only channels with a conversation carry replies, receipts or typing', () => {
    // Act
    const talkers = CHANNEL_KINDS.filter((kind) => {
      const traits = CHANNEL_CATALOG[kind];
      return traits.replies !== 'none' || traits.deliveryReceipts || traits.typing;
    });
    // Assert
    expect(talkers.every(isMessengerKind)).toBe(true);
    expect(CHANNEL_KINDS.filter((kind) => CHANNEL_CATALOG[kind].replies === 'provider')).toEqual(['telegram', 'whatsapp', 'vk', 'viber']);
    expect(CHANNEL_KINDS.filter((kind) => CHANNEL_CATALOG[kind].deliveryReceipts)).toEqual(['whatsapp', 'viber']);
    expect(CHANNEL_KINDS.filter((kind) => CHANNEL_CATALOG[kind].typing)).toEqual(['webchat']);
  });

  it('reads sender credentials for exactly the kinds that reply through a provider', () => {
    // Act
    const credentialKinds = CHANNEL_KINDS.map((kind) => channelCredentials({ kind, name: 'Channel', settings: {} }, {})?.kind);
    // Assert
    expect(credentialKinds).toEqual(CHANNEL_KINDS.map((kind) => (isSenderKind(kind) ? kind : undefined)));
  });

  it('lets agents send files only where a reply path carries them: never on Alice or a call', () => {
    // Act
    const takingFiles = CHANNEL_KINDS.filter(takesFiles);
    // Assert
    expect(takingFiles).toEqual(['telegram', 'whatsapp', 'vk', 'viber', 'webchat']);
    expect(takingFiles.every((kind) => CHANNEL_CATALOG[kind].replies !== 'none')).toBe(true);
  });

  it('recognises channel kinds in untyped strings', () => {
    // Assert
    expect(isChannelKind('webcall')).toBe(true);
    expect(isChannelKind('fax')).toBe(false);
  });
});

describe('channel schemas', () => {
  it('accept exactly the catalog kinds', () => {
    // Assert
    expect(ChannelKindSchema.options).toEqual([...CHANNEL_KINDS]);
    expect(MessengerKindSchema.options).toEqual([...MESSENGER_KINDS]);
    expect(MediaClassSchema.options).toEqual(['voice', 'chat']);
    expect(ChannelKindSchema.safeParse('fax').success).toBe(false);
  });

  it('refuse a call where a messenger is required', () => {
    // Act
    const results = ['voice', 'callback', 'webcall'].map((kind) => MessengerKindSchema.safeParse(kind).success);
    // Assert
    expect(results).toEqual([false, false, false]);
    expect(MessengerKindSchema.parse('telegram')).toBe('telegram');
  });
});
