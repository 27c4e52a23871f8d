/**
 * Test helpers for the messaging side: demo-like channels with known secrets, provider-style signed
 * requests, and a pump that applies the messaging stream reactions to what the table holds (the
 * same reactions the stream processor runs), so tests need no stream poller.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createHmac } from 'node:crypto';
import type { MessengerKind } from '@cc/shared/channels/catalog';
import { channelSecretContext } from '@cc/shared/tenancy/ports';
import type { Deps } from '../../composition/deps.ts';
import type { ChangeReaction } from '../../streams/app.ts';
import type { EntityType } from '@cc/shared/db/keys';

/** The secrets every test channel of a kind gets. */
export const TEST_SECRETS = {
  telegram: { secretToken: 'tg-secret_Token-1', botToken: '123456789:AAbbCCddEEffGGhhIIjjKKllMMnnOOppQQ' },
  whatsapp: { accessToken: 'EAAGtest-access-token', appSecret: 'wa-app-secret-1', verifyToken: 'wa-verify-token', phoneNumberId: '106540352242922' },
  vk: { accessToken: 'vk1.a.test-access-token', secret: 'vkSecretTest', confirmation: 'c0nf1rm', groupId: '218765432' },
  viber: { token: '4f1a7c2e9b3d5a60-8c2e1f4b7a9d3e5c-0a1b2c3d4e5f6a7b' },
  yandex: { skillId: '3ad36498-f5rd-4079-a14b-788652932056' },
  webchat: {},
} satisfies Record<MessengerKind, Record<string, string>>;

/** Creates a channel of `kind` with TEST_SECRETS (or `secrets`) in `queueId`. */
export async function createTestChannel(
  deps: Pick<Deps, 'directory' | 'cipher'>,
  input: { tenantId: string; channelId: string; kind: keyof typeof TEST_SECRETS; defaultQueueId?: string; settings?: Record<string, unknown>; secrets?: Record<string, string> },
) {
  await deps.directory.putChannel({
    tenantId: input.tenantId,
    channelId: input.channelId,
    kind: input.kind,
    name: `Test ${input.kind}`,
    ...(input.defaultQueueId !== undefined ? { defaultQueueId: input.defaultQueueId } : { defaultQueueId: 'support' }),
    settings: input.settings ?? {},
    encryptedSecrets: await deps.cipher.encrypt(JSON.stringify(input.secrets ?? TEST_SECRETS[input.kind]), channelSecretContext(input.tenantId, input.channelId)),
    createdAt: '2026-01-01T00:00:00.000Z',
  });
}

const hmac = (key: string, raw: string) => createHmac('sha256', key).update(raw).digest('hex');

/** Headers a provider would send with `raw` for a channel with TEST_SECRETS. */
export function providerHeaders(kind: 'telegram' | 'whatsapp' | 'viber', raw: string, secrets: Record<string, string> = TEST_SECRETS[kind]): Record<string, string> {
  const base = { 'content-type': 'application/json' };
  if (kind === 'telegram') return { ...base, 'x-telegram-bot-api-secret-token': secrets['secretToken']! };
  if (kind === 'whatsapp') return { ...base, 'x-hub-signature-256': `sha256=${hmac(secrets['appSecret']!, raw)}` };
  return { ...base, 'x-viber-content-signature': hmac(secrets['token']!, raw) };
}

/** Every item of the table with this entity type (tests only: a scan). */
export async function scanEntity<T = Record<string, unknown>>(deps: Pick<Deps, 'table'>, entity: EntityType): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.table.documents.send(
      new ScanCommand({ TableName: deps.table.tableName, FilterExpression: 'entity = :e', ExpressionAttributeValues: { ':e': entity }, ExclusiveStartKey, ConsistentRead: true }),
    );
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/**
 * Applies the INSERT reactions of inbox and outbox items not applied yet, oldest first, until
 * nothing new appears (a reaction may write new outbox items). Message pushes are not pumped.
 */
export class StreamPump {
  private readonly done = new Set<string>();

  constructor(
    private readonly deps: Pick<Deps, 'table'>,
    private readonly reactions: ChangeReaction[],
  ) {}

  async run(): Promise<number> {
    let applied = 0;
    for (;;) {
      const fresh = (await Promise.all((['idempotency', 'outbox'] as const).map((entity) => scanEntity(this.deps, entity)))).flat()
        .filter((item) => !this.done.has(`${item['pk']}|${item['sk']}`))
        .sort((a, b) => String(a['receivedAt'] ?? a['createdAt']).localeCompare(String(b['receivedAt'] ?? b['createdAt'])));
      if (fresh.length === 0) return applied;
      for (const item of fresh) {
        this.done.add(`${item['pk']}|${item['sk']}`);
        const entity = item['entity'] as EntityType;
        for (const reaction of this.reactions) {
          if (reaction.entity === entity) await reaction.react({ eventName: 'INSERT', entity, newImage: item, sequenceNumber: String(applied) });
        }
        applied++;
      }
    }
  }
}
