import type { ServiceDeps, Services } from '../composition/services.ts';
import { realtimeReactions } from '../realtime/reactions.ts';
import type { ChangeReaction } from './app.ts';
import { routingReactions } from '../routing/reactions.ts';
import { messagingReactions } from '../messaging/reactions.ts';
import { widgetReactions } from '../widget/reactions.ts';
import { voiceReactions } from '../voice/reactions.ts';
import { mediaReactions } from '../media/reactions.ts';
import { metricsReactions } from '../metrics/reactions.ts';
import { timelineReactions } from '../timeline/reactions.ts';
import { alertReactions } from '../alerts/reactions.ts';
import { surveyReactions } from '../surveys/reactions.ts';
import { analyticsReactions } from '../analytics/reactions.ts';
import { scriptReactions } from '../scripts/reactions.ts';
import { gamificationReactions } from '../gamification/reactions.ts';
import { teamChatReactions } from '../team-chat/reactions.ts';

/**
 * Every reaction the stream processor runs, in order, from each area of the contact center. The day logs come first,
 * so a console that reloads an agent's timeline on the `agent.updated` push already finds the span it announces;
 * alerts and gamification come after the metrics, so a rule on an interval metric reads the aggregates with the change folded in.
 */
export function allReactions(deps: ServiceDeps, services: Services): ChangeReaction[] {
  return [...timelineReactions(deps), ...realtimeReactions(deps), ...routingReactions(deps, services), ...messagingReactions(deps, services), ...widgetReactions(deps, services), ...surveyReactions(services.surveys), ...voiceReactions(deps), ...mediaReactions(deps, services.channels), ...metricsReactions(deps, services.kpis), ...alertReactions(deps, services.alerts), ...gamificationReactions(deps, services.awardJudge), ...analyticsReactions(deps, services.analyser), ...scriptReactions(deps, services.scriptRuns), ...teamChatReactions(deps)];
}
