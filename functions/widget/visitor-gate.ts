/**
 * Admitting visitors: the visitor token verifier (with its key cache) and the gate `$connect` uses.
 * Kept apart from the widget service so the realtime function's bundle stays small.
 */
import { ForbiddenError, UnauthenticatedError } from '@cc/shared/errors';
import type { VisitorClaims } from '@cc/shared/widget/model';
import type { Deps } from '../composition/root.ts';
import { DynamoWidgetKeyRepository } from '../adapters/dynamo/widget-key-repository.ts';
import { type ChannelResolver, channelResolverFor } from '../messaging/channel-resolver.ts';
import { isOriginAllowed } from './channel-access.ts';
import { VisitorTokens } from './visitor-tokens.ts';

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
    const claims = await this.deps.tokens.verify(token);
    const resolved = await this.deps.channels.resolve(claims.channelId);
    if (!resolved || resolved.channel.kind !== 'webchat' || resolved.channel.tenantId !== claims.tenantId) throw new UnauthenticatedError('The widget channel no longer exists');
    if (!isOriginAllowed(resolved.channel, origin)) throw new ForbiddenError(`Origin ${origin} may not use this widget`);
    return claims;
  }
}

const tokens = new WeakMap<object, VisitorTokens>();
const gates = new WeakMap<object, VisitorGate>();

/** The process's visitor tokens for this table (one key cache shared by the HTTP API and `$connect`). */
export function visitorTokensFor(deps: Pick<Deps, 'table' | 'cipher' | 'clock'>): VisitorTokens {
  let found = tokens.get(deps.table);
  if (!found) {
    found = new VisitorTokens({ widgetKeys: new DynamoWidgetKeyRepository(deps.table), cipher: deps.cipher, clock: deps.clock });
    tokens.set(deps.table, found);
  }
  return found;
}

/** What `$connect` uses to admit a visitor's widget. */
export function visitorGateFor(deps: Pick<Deps, 'table' | 'cipher' | 'clock' | 'directory'>): VisitorGate {
  let gate = gates.get(deps.table);
  if (!gate) {
    gate = new VisitorGate({ tokens: visitorTokensFor(deps), channels: channelResolverFor(deps) });
    gates.set(deps.table, gate);
  }
  return gate;
}
