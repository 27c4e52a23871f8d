import type { Channel } from '@cc/shared/tenancy/model';
import { channelSecretContext, type DirectoryRepository, type SecretCipher } from '@cc/shared/tenancy/ports';

/** A channel with its decrypted provider secrets, as webhooks and senders need it. */
export interface ResolvedChannel {
  channel: Channel;
  secrets: Record<string, unknown>;
}

/** How long resolved channels are reused: rotated secrets apply within `ttlMs`. */
export interface ChannelResolverOptions {
  ttlMs?: number;
  /** Unknown channel ids are remembered this long, so junk traffic does not reach the table. */
  missTtlMs?: number;
  now?: () => number;
}

/**
 * Finds a channel by the id in a webhook path and opens its secrets, caching both per process for a
 * short time: decrypting on every request would cost a KMS call per webhook. Concurrent lookups of
 * one channel share one read.
 */
export class ChannelResolver {
  private readonly cache = new Map<string, { expiresAt: number; value: Promise<ResolvedChannel | undefined> }>();
  private readonly ttlMs: number;
  private readonly missTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly deps: { directory: DirectoryRepository; cipher: SecretCipher },
    options: ChannelResolverOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.missTtlMs = options.missTtlMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** The channel and its secrets, or undefined when no channel has this id. @throws when the secrets cannot be opened */
  resolve(channelId: string): Promise<ResolvedChannel | undefined> {
    const now = this.now();
    const cached = this.cache.get(channelId);
    if (cached && cached.expiresAt > now) return cached.value;
    const value = this.load(channelId);
    const entry = { expiresAt: now + this.ttlMs, value };
    this.cache.set(channelId, entry);
    value.then(
      (resolved) => {
        if (!resolved) entry.expiresAt = Math.min(entry.expiresAt, this.now() + this.missTtlMs);
      },
      () => this.cache.get(channelId) === entry && this.cache.delete(channelId),
    );
    if (this.cache.size > 10_000) this.evictExpired(now);
    return value;
  }

  /** Forgets a channel (after an admin changed it in this process). */
  invalidate(channelId: string): void {
    this.cache.delete(channelId);
  }

  private async load(channelId: string): Promise<ResolvedChannel | undefined> {
    const channel = await this.deps.directory.findChannel(channelId);
    if (!channel) return undefined;
    const parsed = JSON.parse(await this.deps.cipher.decrypt(channel.encryptedSecrets, channelSecretContext(channel.tenantId, channel.channelId))) as unknown;
    const secrets = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { channel, secrets };
  }

  private evictExpired(now: number) {
    for (const [id, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(id);
  }
}

/** A secret of the channel as a string ('' when absent, which no verifier accepts). */
export function secretOf(resolved: ResolvedChannel, name: string): string {
  const value = resolved.secrets[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}
