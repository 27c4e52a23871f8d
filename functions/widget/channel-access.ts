import { NotFoundError } from '@cc/shared/errors';
import type { Channel } from '@cc/shared/tenancy/model';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';

/** The origins (`scheme://host[:port]`) a web chat channel may be embedded on, from `settings.allowedOrigins`. */
export function allowedOriginsOf(channel: Pick<Channel, 'settings'>): string[] {
  const listed = channel.settings['allowedOrigins'];
  if (!Array.isArray(listed)) return [];
  return listed.flatMap((value) => {
    if (typeof value !== 'string') return [];
    try {
      const { origin } = new URL(value);
      return origin === 'null' ? [] : [origin];
    } catch {
      return [];
    }
  });
}

/**
 * Whether a browser on `origin` may use the channel. A request without an `Origin` header comes from no
 * browser page (curl, a server), which CORS cannot restrict anyway; the visitor token still applies.
 */
export function isOriginAllowed(channel: Pick<Channel, 'settings'>, origin: string | undefined): boolean {
  if (origin === undefined) return true;
  return allowedOriginsOf(channel).includes(origin);
}

/** The web chat channel with this id. @throws NotFoundError for unknown ids and channels of other kinds */
export async function findWebchatChannel(channels: ChannelResolver, channelId: string): Promise<Channel> {
  const resolved = await channels.resolve(channelId);
  if (!resolved || resolved.channel.kind !== 'webchat') throw new NotFoundError('Channel', channelId);
  return resolved.channel;
}
