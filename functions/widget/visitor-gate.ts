/**
 * Admitting visitors: the gate `$connect` uses, over the process's visitor tokens and channel cache (both
 * built once by `createServices`). Apart from the widget service: `$connect` needs nothing else of it.
 */
import { decodeJwt } from 'jose';
import { ForbiddenError, UnauthenticatedError } from '@cc/shared/errors';
import { idProblem } from '@cc/shared/limits/input';
import type { VisitorClaims } from '@cc/shared/widget/model';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { isOriginAllowed } from './channel-access.ts';
import type { VisitorTokens } from './visitor-tokens.ts';

/**
 * Admits a visitor's widget: a valid visitor token for a web chat channel that still exists in the
 * token's tenant, opened from one of the channel's allowed origins.
 */
export class VisitorGate {
  constructor(private readonly deps: { tokens: VisitorTokens; channels: ChannelResolver }) {}

  /**
   * @param origin - the `Origin` header of the request or WebSocket upgrade, when there is one
   * @throws UnauthenticatedError for a bad token or a channel that is gone, ForbiddenError for a foreign origin
   */
  async admit(token: string | undefined, origin: string | undefined): Promise<VisitorClaims> {
    // The channel (cached, like the widget API's path channel) names the one tenant whose key the token may use.
    const channelId = unverifiedChannelId(token);
    const resolved = channelId && !idProblem(channelId) ? await this.deps.channels.resolve(channelId) : undefined;
    if (!resolved || resolved.channel.kind !== 'webchat') throw new UnauthenticatedError('The widget channel no longer exists');
    const claims = await this.deps.tokens.verify(token, { tenantId: resolved.channel.tenantId });
    if (claims.channelId !== channelId) throw new UnauthenticatedError('Invalid visitor token');
    if (!isOriginAllowed(resolved.channel, origin)) throw new ForbiddenError(`Origin ${origin} may not use this widget`);
    return claims;
  }
}

/** The token's channel claim, unverified: only ever used to look up a cached channel. */
function unverifiedChannelId(token: string | undefined): string | undefined {
  try {
    const chn = token ? decodeJwt(token)['chn'] : undefined;
    return typeof chn === 'string' ? chn : undefined;
  } catch {
    return undefined;
  }
}
