/** The widget service on top of the composition root's `Deps`, built once per process (per `Deps`). */
import type { Deps } from '../composition/root.ts';
import { routingDeps } from '../routing/deps.ts';
import { createRoutingService } from '../routing/service.ts';
import { WidgetService } from './service.ts';
import { visitorTokensFor } from './visitor-gate.ts';

const services = new WeakMap<object, WidgetService>();

/** The widget service for `deps`. */
export function widgetServiceFor(deps: Deps): WidgetService {
  let service = services.get(deps);
  if (!service) {
    service = new WidgetService({ ...deps, tokens: visitorTokensFor(deps), routing: createRoutingService(routingDeps(deps)) });
    services.set(deps, service);
  }
  return service;
}
