import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { CreateChannelRequestSchema, manualWebhookSetup, planChannel, planChannelUpdate } from './channel-admin.ts';
import { channelCredentials, channelWebhookUrl } from './channel-secrets.ts';
import type { Channel } from './model.ts';

const context = { tenantId: 't1', channelId: 'telegram-abc', now: '2026-11-25T08:00:00.000Z', generateSecret: () => 'generated_secret' };
const stored: Channel = { tenantId: 't1', channelId: 'vk-1', kind: 'vk', name: 'VK', defaultQueueId: 'support', settings: { groupId: '218765432' }, encryptedSecrets: 'cipher', createdAt: '2026-11-01T00:00:00.000Z' };
const vkSecrets = { accessToken: 'vk1.a.0123456789', secret: 'old-secret', confirmation: 'a1b2c3d4', groupId: '218765432' };

describe('planChannel', () => {
  it('generates the Telegram secret token when the admin gave none', () => {
    // Arrange
    const request = CreateChannelRequestSchema.parse({ kind: 'telegram', name: 'Bot', secrets: { botToken: '123456789:AAabcdefghijklmnopqrstuvwxyz' } });
    // Act
    const planned = planChannel(request, context);
    // Assert
    expect(planned.secrets).toEqual({ botToken: '123456789:AAabcdefghijklmnopqrstuvwxyz', secretToken: 'generated_secret' });
    expect(planned.channel).toEqual({ tenantId: 't1', channelId: 'telegram-abc', kind: 'telegram', name: 'Bot', settings: {}, createdAt: context.now });
  });
});

describe('planChannelUpdate', () => {
  it('merges rotated secrets over the stored ones and keeps the community id visible', () => {
    // Act
    const planned = planChannelUpdate(stored, vkSecrets, { secrets: { secret: 'new-vk-secret-2026' } });
    // Assert
    expect(planned.secrets).toEqual({ ...vkSecrets, secret: 'new-vk-secret-2026' });
    expect(planned.channel).toMatchObject({ name: 'VK', defaultQueueId: 'support', settings: { groupId: '218765432' } });
    expect(planned.channel).not.toHaveProperty('encryptedSecrets');
  });

  it('leaves the secrets alone when none are given, and refuses unknown settings with their path', () => {
    // Act
    const renamed = planChannelUpdate(stored, {}, { name: 'ВКонтакте' });
    const bad = () => planChannelUpdate(stored, {}, { settings: { colour: 'red' } });
    // Assert
    expect(renamed.secrets).toBeUndefined();
    expect(renamed.channel.name).toBe('ВКонтакте');
    expect(bad).toThrow(ZodError);
    try {
      bad();
    } catch (error) {
      expect((error as ZodError).issues[0]?.path).toEqual(['settings']);
    }
  });
});

describe('channel helpers', () => {
  it('maps stored secrets to sender credentials, Viber sender name from settings or the channel name', () => {
    // Act
    const viber = channelCredentials({ kind: 'viber', name: 'Viber Ромашка — очень длинное имя канала', settings: {} }, { token: 't0k3n-0123456789' });
    const vk = channelCredentials({ kind: 'vk', name: 'VK', settings: { apiVersion: '5.131' } }, vkSecrets);
    // Assert
    expect(viber).toEqual({ kind: 'viber', authToken: 't0k3n-0123456789', senderName: 'Viber Ромашка — очень длинно' });
    expect(vk).toEqual({ kind: 'vk', accessToken: 'vk1.a.0123456789', apiVersion: '5.131' });
    expect(channelCredentials({ kind: 'yandex', name: 'Alice', settings: {} }, { skillId: 's' })).toBeUndefined();
  });

  it('builds the webhook URL under the public base URL and refers to secrets by name in manual steps', () => {
    // Act
    const url = channelWebhookUrl('https://api.example/', 'vk', 'vk-1');
    const manual = manualWebhookSetup(stored, url);
    // Assert
    expect(url).toBe('https://api.example/webhooks/vk/vk-1');
    expect(manual?.values).toEqual({ callbackUrl: url, apiVersion: '5.199', groupId: '218765432', secretKey: '(the secret saved in this channel)' });
    expect(JSON.stringify(manual)).not.toContain('a1b2c3d4');
  });
});
