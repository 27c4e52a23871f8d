/**
 * The web chat visitor's credentials: signing keys per tenant and the gate that admits a widget's socket. Apart
 * from the widget service, so the realtime function gets them without the widget's routes and routing.
 */
import type { Deps } from './deps.ts';
import type { ChannelResolver } from '../messaging/channel-resolver.ts';
import { VisitorTokens } from '../widget/visitor-tokens.ts';
import { VisitorGate } from '../widget/visitor-gate.ts';

/** Visitor tokens over the tenant's sealed keys, and the gate that checks them against the channel. */
export function createVisitorServices(deps: Pick<Deps, 'widgetKeys' | 'cipher' | 'clock'>, channels: ChannelResolver) {
  const visitorTokens = new VisitorTokens(deps);
  return { visitorTokens, visitorGate: new VisitorGate({ tokens: visitorTokens, channels }) };
}
