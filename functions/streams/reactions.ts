import type { Deps } from '../composition/root.ts';
import { realtimeReactions } from '../realtime/reactions.ts';
import type { ChangeReaction } from './app.ts';
import { routingDeps } from '../routing/deps.ts';
import { routingReactions } from '../routing/reactions.ts';
import { messagingReactions } from '../messaging/reactions.ts';
import { widgetReactions } from '../widget/reactions.ts';

/** Every reaction the stream processor runs, in order, from each area of the contact center. */
export function allReactions(deps: Deps): ChangeReaction[] {
  return [...realtimeReactions(deps), ...routingReactions(routingDeps(deps)), ...messagingReactions(deps), ...widgetReactions(deps)];
}
