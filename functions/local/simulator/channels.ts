import { MESSENGER_KINDS, type MessengerKind } from '@cc/shared/channels/catalog';
import { channelWebhookUrl } from '@cc/shared/tenancy/channel-secrets';
import { channelSecretContext, type DirectoryRepository, type SecretCipher } from '@cc/shared/tenancy/ports';

/** Messenger kinds the simulator fakes: every messenger with an outside provider (our own web chat needs no fake). */
export type SimulatedKind = Exclude<MessengerKind, 'webchat'>;
export const SIMULATED_KINDS: readonly SimulatedKind[] = MESSENGER_KINDS.filter((kind): kind is SimulatedKind => kind !== 'webchat');

/** A channel as the provider knows it: its account's secrets and where it delivers webhooks. */
export interface SimulatedChannel {
  channelId: string;
  kind: SimulatedKind;
  name: string;
  /** Our webhook URL for the channel, used until a setWebhook call registers another. */
  webhookUrl: string;
  /** Decrypted secrets, named as in `shared/src/tenancy/channel-secrets.ts`. */
  secrets: Record<string, string>;
  settings: Record<string, unknown>;
}

/** Where the simulator learns which channels (bot accounts) exist; asked again whenever an unknown one shows up. */
export interface ChannelSource {
  list(): Promise<SimulatedChannel[]>;
}

/** A fixed set of channels, for tests. */
export function staticChannelSource(channels: SimulatedChannel[]): ChannelSource {
  return { list: async () => channels };
}

/**
 * The channels of `tenantIds` in the directory, secrets decrypted with the local cipher: channels
 * an admin connects through the API appear in the simulator without a restart.
 */
export function directoryChannelSource(
  deps: { directory: DirectoryRepository; cipher: SecretCipher },
  tenantIds: () => string[],
  publicBaseUrl: string,
): ChannelSource {
  return {
    async list() {
      const channels = (await Promise.all(tenantIds().map((tenantId) => deps.directory.listChannels(tenantId)))).flat();
      const simulated: SimulatedChannel[] = [];
      for (const channel of channels) {
        if (!isSimulatedKind(channel.kind)) continue;
        let secrets: Record<string, string> = {};
        try {
          secrets = stringValues(JSON.parse(await deps.cipher.decrypt(channel.encryptedSecrets, channelSecretContext(channel.tenantId, channel.channelId))));
        } catch {
          // Encrypted with another key (a wiped .data/secrets.key): the account is shown but cannot sign.
        }
        simulated.push({
          channelId: channel.channelId,
          kind: channel.kind,
          name: channel.name,
          webhookUrl: channelWebhookUrl(publicBaseUrl, channel.kind, channel.channelId),
          secrets,
          settings: channel.settings,
        });
      }
      return simulated;
    },
  };
}

/** Whether the simulator fakes this kind. */
export function isSimulatedKind(kind: string): kind is SimulatedKind {
  return (SIMULATED_KINDS as readonly string[]).includes(kind);
}

function stringValues(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
